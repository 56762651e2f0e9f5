using System.Text;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterHub.Members;

/// <summary>The upload page: the same <see cref="MemberImport"/> the CLI and the API run.</summary>
[RequirePermission(MemberPermissions.Import)]
public sealed class ImportModel(ClusterDb db, TimeProvider clock) : PageModel
{
    public ImportReport? Report { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        var scope = HttpContext.ClusterScope();
        if (file is null || file.Length == 0)
        {
            Report = new ImportReport("", 0, 0, 0, 0, [new ImportError("", 0, "file", null, "no file was sent")]);
            return Page();
        }
        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
        Report = await MemberImport.RunAsync(db, scope.ClusterId, reader, file.FileName, MemberFile.FormatOf(file.FileName), clock.Today(), ct);
        if (!Report.Succeeded) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
