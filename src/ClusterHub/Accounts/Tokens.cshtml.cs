using System.Security.Claims;
using ClusterHub.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Accounts;

/// <summary>A user's own personal access tokens: issue (the secret is shown once), list, revoke.</summary>
[SignedIn]
public sealed class TokensModel(ClusterDb db, TimeProvider clock) : PageModel
{
    public List<AccessToken> Tokens { get; private set; } = [];
    public string? NewToken { get; private set; }
    public string? Error { get; private set; }
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task OnPostCreateAsync(string? name, int? days, CancellationToken ct)
    {
        if (AccessTokens.CheckName(name) is { } reason) Error = reason;
        else if (days is < 1 or > 3650) Error = "Tokens.BadExpiry";
        else NewToken = await AccessTokens.IssueAsync(db, clock, UserId, name!, days is { } d ? TimeSpan.FromDays(d) : null, ct);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        // Only the caller's own tokens: another user's id simply matches nothing.
        var revoked = await db.AccessTokens.Where(t => t.Id == id && t.UserId == UserId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, clock.GetUtcNow().UtcDateTime), ct);
        if (revoked == 0) return NotFound();
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Tokens = await db.AccessTokens.AsNoTracking().Where(t => t.UserId == UserId).OrderByDescending(t => t.CreatedAt).Take(200).ToListAsync(ct);
}
