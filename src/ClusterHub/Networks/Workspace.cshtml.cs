using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Networks;

/// <summary>The cluster's network workspace: its networks, an upload, and the platform's networks to take in.</summary>
[RequestSizeLimit(NetworkLimits.UploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = NetworkLimits.UploadBytes)]
[RequirePermission(NetworkPermissions.Read)]
public sealed class WorkspaceModel(ClusterDb db, TimeProvider clock, IEnumerable<INetworkSource> sources, IStringLocalizer<Strings> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? P { get; set; }
    public Page<NetworkRow> Networks { get; private set; } = null!;
    public IReadOnlyList<INetworkSource> Sources { get; } = [.. sources];
    public string? Error { get; private set; }
    public ClusterScope Scope => HttpContext.ClusterScope();
    public bool CanRun => Scope.Can(NetworkPermissions.Run);

    public async Task OnGetAsync(CancellationToken ct) => Networks = await NetworkWorkspace.ListAsync(db, Scope.ClusterId, P, null, ct);

    /// <summary>A network file, read as the API reads it; a malformed one is refused whole with its line and column.</summary>
    [RequirePermission(NetworkPermissions.Run)]
    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, string? name, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return await Refused(l["Networks.NoFile"], ct);
        await using var body = file.OpenReadStream();
        var result = await NetworkWorkspace.UploadAsync(db, Scope.ClusterId, body, file.FileName, name, new EdgeColumns(), false, User.Identity?.Name ?? "user", clock, ct);
        return result.Outcome switch
        {
            UploadOutcome.Stored => Redirect($"/c/{Scope.Slug}/networks/{result.Network!.Id}"),
            UploadOutcome.Malformed => await Refused(result.Error!.ToString(), ct),
            _ => await Refused(string.Join("; ", result.Errors.Select(e => $"{e.Field}: {l[e.Reason]}")), ct),
        };
    }

    [RequirePermission(NetworkPermissions.Run)]
    public async Task<IActionResult> OnPostPlatformAsync(string? source, string? name, CancellationToken ct)
    {
        var found = Sources.FirstOrDefault(s => s.Key == source);
        if (found is null) return await Refused(l["Networks.NoSource"], ct);
        var title = InputText.Blank(name) ?? l[found.NameResource].Value;
        if (InputText.Check(title, NetworkLimits.Name) is { } reason) return await Refused($"{l["Networks.Name"]}: {l[reason]}", ct);
        var row = await NetworkWorkspace.FromSourceAsync(db, Scope.ClusterId, found, title, User.Identity?.Name ?? "user", clock, ct);
        return Redirect($"/c/{Scope.Slug}/networks/{row.Id}");
    }

    private async Task<IActionResult> Refused(string error, CancellationToken ct)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await OnGetAsync(ct);
        return Page();
    }

    public string PageUrl(int page) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/c/{Scope.Slug}/networks?p={page}");
}
