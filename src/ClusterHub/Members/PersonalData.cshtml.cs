using System.Globalization;
using System.Text.Json;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Members;

/// <summary>A person's data by e-mail: see it, download it (art. 15), erase it (art. 17). The same operations as the API.</summary>
[RequirePermission(MemberPermissions.ManagePersonalData)]
public sealed class PersonalDataModel(ClusterDb db, IStringLocalizer<Strings> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }
    public PersonalDataReport? Report { get; private set; }
    public string? Message { get; private set; }
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (PersonalDataApi.Invalid(Email) is null) Report = await PersonalData.FindAsync(db, Scope.ClusterId, Email!, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (PersonalDataApi.Invalid(Email) is not null) return BadRequest();
        var report = await PersonalData.FindAsync(db, Scope.ClusterId, Email!, ct);
        return File(JsonSerializer.SerializeToUtf8Bytes(report, Json), "application/json", $"{Scope.Slug}-personal-data.json");
    }

    public async Task<IActionResult> OnPostEraseAsync(string? reason, CancellationToken ct)
    {
        if (PersonalDataApi.Invalid(Email) is not null || PersonalDataApi.Reason(reason) is not { } text)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            Message = l["PersonalData.ReasonRequired"];
            return Page();
        }
        var erased = await PersonalData.EraseAsync(db, Scope.ClusterId, Email!, text, ct);
        Message = string.Format(CultureInfo.CurrentCulture, l["PersonalData.Erased"].Value, erased.Contacts, erased.Messages);
        Report = await PersonalData.FindAsync(db, Scope.ClusterId, Email!, ct);
        return Page();
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
