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
    public ClusterScope Scope => HttpContext.ClusterScope();

    /// <summary>Whether the form offers every field (the secretariat) or a representative's share of them.</summary>
    public bool EditsEverything => Scope.Can(MemberPermissions.EditRecords);

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
        EditOutcome outcome;
        if (member is null)
        {
            member = db.Members.Add(new Member { Name = "", ClusterId = Scope.ClusterId }).Entity;
            var errors = MemberValidation.Apply(Form.ToInput(), member, clock.Today());
            outcome = errors.Count > 0 ? new(errors, null) : new([], null, Duplicate: await MemberDuplicates.SaveAsync(db, member, ct));
        }
        else outcome = await MemberEdits.UpdateAsync(db, Scope, member, Form.ToInput(), clock.Today(), User.Identity?.Name ?? "", clock.GetUtcNow().UtcDateTime, ct);
        if (outcome.Stale) return StatusCode(StatusCodes.Status409Conflict);
        if (outcome.Duplicate is { } duplicate)
        {
            Errors = [duplicate];
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        Errors = outcome.Errors;
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        // A namesake elsewhere does not stop the save (the same name in the same city did, above); the member's page says so once.
        if (isNew && await MemberDuplicates.NamesakesAsync(db, member, ct) is [var namesake, ..]) DetailsModel.RememberNamesake(TempData, namesake);
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
