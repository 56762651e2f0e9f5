using System.Globalization;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterHub.Clusters;

/// <summary>The form of <see cref="NewModel"/>: what <see cref="NewCluster"/> takes, as text, and the language of the cluster's e-mails.</summary>
public sealed class NewClusterForm
{
    public string? Slug { get; set; }
    public string? Name { get; set; }
    public string? LegalForm { get; set; }
    public string? FoundedOn { get; set; }
    public string? Region { get; set; }
    public string? Sector { get; set; }
    public string? Website { get; set; }
    public string? Language { get; set; }
}

/// <summary>
/// The platform administrator registers a cluster initiative through <see cref="ClusterRegistration"/>,
/// the validation the API and the <c>clusters create</c> verb run; then invites its first manager.
/// </summary>
[PlatformAdministrator]
public sealed class NewModel(ClusterDb db, TimeProvider clock) : PageModel
{
    [BindProperty] public NewClusterForm Form { get; set; } = new();
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        DateOnly? founded = null;
        if (!string.IsNullOrWhiteSpace(Form.FoundedOn))
        {
            if (DateOnly.TryParseExact(Form.FoundedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) founded = d;
            else Errors["foundedOn"] = ["is not a date yyyy-mm-dd"];
        }
        if (Errors.Count == 0)
        {
            var (cluster, errors) = await ClusterRegistration.CreateAsync(db,
                new NewCluster(Form.Slug, Form.Name, Blank(Form.LegalForm), founded, Blank(Form.Region), Blank(Form.Sector), Blank(Form.Website)), clock.Today(), ct);
            if (cluster is not null)
            {
                // The language is the page's addition to the registration: the select offers only the product's own.
                cluster.Language = ClusterHubApp.Cultures.Any(c => c.Name == Form.Language) ? Form.Language : null;
                await db.SaveChangesAsync(ct);
                return Redirect($"/c/{cluster.Slug}/people");
            }
            Errors = errors;
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private static string? Blank(string? text) => InputText.Blank(text);
}
