using System.Globalization;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Members;

/// <summary>The form fields as posted; turned into a <see cref="MemberInput"/> and validated like any import row.</summary>
public sealed class MemberForm
{
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string? Headcount { get; set; }
    public string? TurnoverEur { get; set; }
    public string? NationalId { get; set; }
    public string? Country { get; set; } = "FR";
    public string? Region { get; set; }
    public string? Departement { get; set; }
    public string? NutsCode { get; set; }
    public string? City { get; set; }
    public string? SectorCodes { get; set; }
    public string? FoundingMember { get; set; } = "no";
    public string? JoinedOn { get; set; }
    public string? Status { get; set; } = nameof(MemberStatus.Active);
    public string? ContactName { get; set; }
    public string? ContactRole { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactConsent { get; set; } = "no";

    public MemberInput ToInput() => new()
    {
        Name = Name, Type = Type, Headcount = Headcount, TurnoverEur = TurnoverEur, NationalId = NationalId, Country = Country,
        Region = Region, Departement = Departement, NutsCode = NutsCode, City = City, SectorCodes = SectorCodes,
        FoundingMember = FoundingMember, JoinedOn = JoinedOn, Status = Status,
        Contacts = string.IsNullOrWhiteSpace(ContactName) && string.IsNullOrWhiteSpace(ContactEmail) ? [] : [new(ContactName, ContactRole, ContactEmail, ContactPhone, ContactConsent)],
    };

    public static MemberForm From(Member m)
    {
        var c = m.Contacts.OrderBy(x => x.Id).FirstOrDefault();
        var inv = CultureInfo.InvariantCulture;
        return new()
        {
            Name = m.Name, Type = m.Type.ToString(), Headcount = m.Headcount?.ToString(inv), TurnoverEur = m.TurnoverEur?.ToString(inv),
            NationalId = m.NationalId, Country = m.Country, Region = m.Region, Departement = m.Departement, NutsCode = m.NutsCode, City = m.City,
            SectorCodes = m.SectorCodes, FoundingMember = m.IsFoundingMember ? "yes" : "no", JoinedOn = m.JoinedOn.ToString("yyyy-MM-dd", inv),
            Status = m.Status.ToString(), ContactName = c?.FullName, ContactRole = c?.Role, ContactEmail = c?.Email, ContactPhone = c?.Phone,
            ContactConsent = c?.ConsentToContact == true ? "yes" : "no",
        };
    }
}

[RequirePermission(MemberPermissions.EditProfile)]
public sealed class EditModel(ClusterDb db, TimeProvider clock) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public MemberForm Form { get; set; } = new();
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    private ClusterScope Scope => HttpContext.ClusterScope();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (member, refusal) = await LoadAsync(ct);
        if (refusal is not null) return refusal;
        if (member is not null) Form = MemberForm.From(member);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (member, refusal) = await LoadAsync(ct);
        if (refusal is not null) return refusal;
        var isNew = member is null;
        member ??= db.Members.Add(new Member { Name = "", ClusterId = Scope.ClusterId }).Entity;
        Errors = MemberValidation.Apply(Form.ToInput(), member, clock.Today());
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        // A namesake does not stop the save; the member's page says so once, after the redirect.
        var namesake = isNew && await MemberValidation.WarningsAsync(db, member, ct) is [var first, ..] ? first : null;
        await db.SaveChangesAsync(ct);
        if (namesake is not null) DetailsModel.RememberNamesake(TempData, namesake);
        return Redirect($"/c/{Scope.Slug}/members/{member.Id}");
    }

    private async Task<(Member?, IActionResult?)> LoadAsync(CancellationToken ct)
    {
        if (Id is null) return (null, Scope.Can(MemberPermissions.EditRecords) ? null : StatusCode(StatusCodes.Status403Forbidden));
        var member = await db.Members.Include(m => m.Contacts).SingleOrDefaultAsync(m => m.Id == Id && m.ClusterId == Scope.ClusterId, ct);
        if (member is null) return (null, NotFound());
        return (member, Scope.CanFor(MemberPermissions.EditProfile, member.Id) ? null : StatusCode(StatusCodes.Status403Forbidden));
    }
}
