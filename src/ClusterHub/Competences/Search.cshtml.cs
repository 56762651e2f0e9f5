using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace ClusterHub.Competences;

/// <summary>"Who can do X in region Y": the search the API runs, with its filters and paging.</summary>
[RequirePermission(CompetencePermissions.Read)]
public sealed class SearchModel(ClusterDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public CompetenceSearch Filter { get; set; } = new();
    public Page<SearchRow>? Result { get; private set; }
    public IReadOnlyList<CompetenceDto> Taxonomy { get; private set; } = [];
    public bool UnknownCompetence { get; private set; }
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Taxonomy = await CompetenceTaxonomy.ListAsync(db, Scope.ClusterId, ct);
        if (Filter.MinLevel is { } level && CompetenceRules.Level("minLevel", level) is not null) Filter = Filter with { MinLevel = null };
        Result = await CompetenceMap.SearchAsync(db, Scope.ClusterId, Filter, ct);
        UnknownCompetence = Result is null;
    }

    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["competence"] = Filter.Competence, ["region"] = Filter.Region, ["minLevel"] = Filter.MinLevel?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["certification"] = Filter.Certification, ["type"] = Filter.Type?.ToString(), ["includeUnvalidated"] = Filter.IncludeUnvalidated == true ? "true" : null,
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString($"/c/{Scope.Slug}/competences/search", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }
}
