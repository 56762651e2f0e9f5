using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterHub.Accounts;

/// <summary>
/// The role × permission table, as the features declare it. Open to every signed-in user: knowing
/// what a role may do is not a secret, and it answers "why can't I see this?" without a ticket.
/// </summary>
[SignedIn]
public sealed class PermissionsModel : PageModel
{
    public void OnGet() { }
}
