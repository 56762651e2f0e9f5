using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterHub.Members;

/// <summary>The upload page: the same <see cref="MemberImport"/> the CLI and the API run, and the template to fill in.</summary>
[RequestSizeLimit(RequestLimits.ImportBodyBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimits.ImportBodyBytes)]
[RequirePermission(MemberPermissions.Import)]
public sealed class ImportModel(ClusterDb db, TimeProvider clock) : PageModel
{
    public ImportReport? Report { get; private set; }

    public void OnGet() { }

    /// <summary>The import template (header, example row, valid values), as the API serves it.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct)
    {
        await MemberFile.Template.SendAsync(Response, ct);
        return new EmptyResult();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        var scope = HttpContext.ClusterScope();
        Report = await ImportUpload.RunAsync(file, (bytes, name, format) => MemberImport.RunAsync(db, scope.ClusterId, bytes, name, format, clock.Today(), ct));
        if (!Report.Succeeded) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
