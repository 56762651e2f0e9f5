using System.Globalization;
using ClusterHub.Data;
using ClusterHub.Members;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects;

/// <summary>One organisation of a consortium as a person gives it: a member by id, or a non-member by name and category.</summary>
public sealed record PartnerInput(int? MemberId, string? Name, PartnerCategory? Category, PartnerRole Role, decimal BudgetEur, decimal RequestedEur);

/// <summary>A member as a consortium needs it: its name and what its partner category comes from.</summary>
public sealed record PartnerMember(int Id, string Name, MemberType Type, SizeClass SizeClass);

/// <summary>
/// What <see cref="ProposalValidation.Apply"/> checks references against: the cluster's calls, strategy lists and members (those
/// needed, or all), and its competence taxonomy's codes (upper case) → ids.
/// </summary>
public sealed record ProposalLookups(IReadOnlySet<int> Calls, IReadOnlySet<int> Areas, IReadOnlySet<int> Domains, IReadOnlyDictionary<int, PartnerMember> Members,
    IReadOnlyDictionary<string, int>? Competences = null);

/// <summary>
/// A proposal as the API and the pages give it, validated once by <see cref="ProposalValidation"/>. <see cref="Competences"/>:
/// the codes of the taxonomy's competences the project needs; null leaves a proposal's competences as they are, empty clears them.
/// </summary>
public sealed record ProposalInput(string? Title, string? Acronym, string? Summary, int? CallId, int? StrategicAreaId, int? ActivityDomainId,
    int DurationMonths, int TrlStart, int TrlTarget, string? ExpectedOutcomes, IReadOnlyList<PartnerInput>? Partners, IReadOnlyList<string>? Competences = null);

public static class ProposalValidation
{
    /// <summary>Ten years is longer than any collaborative R&amp;D programme runs; a bigger number is a typing error.</summary>
    public const int MaxDurationMonths = 120;

    /// <summary>A partner's budget above a billion euros is a typing error (and would crowd the cents' range).</summary>
    public const decimal MaxBudgetEur = 1_000_000_000m;

    /// <summary>
    /// Validates <paramref name="input"/> against the cluster's members and calls and, when it is valid, writes it onto
    /// <paramref name="proposal"/> (its consortium replaced). Exactly one coordinator; members named by id take their name and
    /// category from the registry; non-members need both.
    /// </summary>
    public static async Task<List<FieldError>> ApplyAsync(ClusterDb db, int clusterId, ProposalInput input, Proposal proposal, CancellationToken ct)
    {
        var memberIds = (input.Partners ?? []).Where(p => p.MemberId is not null).Select(p => p.MemberId!.Value).Distinct().ToList();
        var members = await db.Members.AsNoTracking().Where(m => m.ClusterId == clusterId && memberIds.Contains(m.Id))
            .Select(m => new PartnerMember(m.Id, m.Name, m.Type, m.SizeClass)).ToDictionaryAsync(m => m.Id, ct);
        var calls = input.CallId is { } callId ? await db.FundingCalls.Where(c => c.Id == callId && c.ClusterId == clusterId).Select(c => c.Id).ToListAsync(ct) : [];
        var areas = input.StrategicAreaId is { } area ? await db.StrategicAreas.Where(a => a.Id == area && a.ClusterId == clusterId).Select(a => a.Id).ToListAsync(ct) : [];
        var domains = input.ActivityDomainId is { } domain ? await db.ActivityDomains.Where(a => a.Id == domain && a.ClusterId == clusterId).Select(a => a.Id).ToListAsync(ct) : [];
        Dictionary<string, int>? competences = null;
        if (input.Competences is not null)
        {
            competences = await ClusterHub.Competences.Declarations.CodesAsync(db, clusterId, ct);
            // A tracked proposal's competences are replaced, not added to: they must be loaded to compare (the pages load without them).
            var entry = db.Entry(proposal);
            if (entry.State != EntityState.Detached && entry.State != EntityState.Added && !entry.Collection(p => p.Competences).IsLoaded)
                await entry.Collection(p => p.Competences).LoadAsync(ct);
        }
        return Apply(input, proposal, new ProposalLookups(calls.ToHashSet(), areas.ToHashSet(), domains.ToHashSet(), members, competences));
    }

    /// <summary>
    /// The same check and write as <see cref="ApplyAsync"/> against lists loaded beforehand: an import of 20,000 proposals
    /// loads the cluster's members, calls and strategy lists once instead of querying them for every proposal.
    /// </summary>
    public static List<FieldError> Apply(ProposalInput input, Proposal proposal, ProposalLookups lookups)
    {
        var errors = new List<FieldError>();
        void Fail(string field, object? value, string reason) => errors.Add(new(field, Convert.ToString(value, CultureInfo.InvariantCulture), reason));

        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title)) Fail("title", input.Title, "is required");
        else if (title.Length > ProjectLimits.Title) Fail("title", title, $"is longer than {ProjectLimits.Title} characters");
        var acronym = input.Acronym?.Trim();
        if (string.IsNullOrEmpty(acronym)) Fail("acronym", input.Acronym, "is required");
        else if (acronym.Length > ProjectLimits.Acronym) Fail("acronym", acronym, $"is longer than {ProjectLimits.Acronym} characters");
        if (input.Summary?.Length > ProjectLimits.Text) Fail("summary", null, $"is longer than {ProjectLimits.Text} characters");
        if (input.ExpectedOutcomes?.Length > ProjectLimits.Text) Fail("expectedOutcomes", null, $"is longer than {ProjectLimits.Text} characters");
        if (input.DurationMonths is < 1 or > MaxDurationMonths) Fail("durationMonths", input.DurationMonths, $"must be between 1 and {MaxDurationMonths}");
        if (input.TrlStart is < 1 or > 9) Fail("trlStart", input.TrlStart, "must be a technology readiness level between 1 and 9");
        if (input.TrlTarget is < 1 or > 9) Fail("trlTarget", input.TrlTarget, "must be a technology readiness level between 1 and 9");
        else if (input.TrlTarget < input.TrlStart) Fail("trlTarget", input.TrlTarget, "is below the starting level");
        if (input.CallId is { } callId && !lookups.Calls.Contains(callId)) Fail("callId", callId, "is not a call of this cluster");
        if (input.StrategicAreaId is { } area && !lookups.Areas.Contains(area)) Fail("strategicAreaId", area, "is not a strategic area of this cluster");
        if (input.ActivityDomainId is { } domain && !lookups.Domains.Contains(domain)) Fail("activityDomainId", domain, "is not an activity domain of this cluster");

        var partners = input.Partners ?? [];
        if (partners.Count(p => p.Role == PartnerRole.Coordinator) != 1) Fail("partners", partners.Count(p => p.Role == PartnerRole.Coordinator), "must name exactly one coordinator");
        var members = lookups.Members;
        var rows = new List<ProposalPartner>();
        for (var i = 0; i < partners.Count; i++)
        {
            var p = partners[i];
            var at = $"partners[{i}]";
            string name;
            PartnerCategory category;
            if (p.MemberId is { } id)
            {
                if (!members.TryGetValue(id, out var m)) { Fail(at + ".memberId", id, "is not a member of this cluster"); continue; }
                name = m.Name;
                category = p.Category ?? PartnerCategories.Of(m.Type, m.SizeClass);
            }
            else
            {
                name = p.Name?.Trim() ?? "";
                if (name.Length == 0) { Fail(at + ".name", p.Name, "is required for a non-member"); continue; }
                if (name.Length > ProjectLimits.Name) { Fail(at + ".name", name, $"is longer than {ProjectLimits.Name} characters"); continue; }
                if (p.Category is not { } c) { Fail(at + ".category", null, $"is required for a non-member: one of {string.Join(", ", Enum.GetNames<PartnerCategory>())}"); continue; }
                category = c;
            }
            if (p.BudgetEur is < 0 or > MaxBudgetEur) { Fail(at + ".budgetEur", p.BudgetEur, $"must be between 0 and {MaxBudgetEur:0}"); continue; }
            if (p.RequestedEur < 0 || p.RequestedEur > p.BudgetEur) { Fail(at + ".requestedEur", p.RequestedEur, "must be between 0 and the partner's budget"); continue; }
            rows.Add(new ProposalPartner { Name = name, MemberId = p.MemberId, Category = category, Role = p.Role, BudgetCents = Dues.Money.Cents(p.BudgetEur), RequestedCents = Dues.Money.Cents(p.RequestedEur) });
        }
        foreach (var dup in partners.Where(p => p.MemberId is not null).GroupBy(p => p.MemberId).Where(g => g.Count() > 1))
            Fail("partners", dup.Key, "names the same member more than once");

        List<int>? competenceIds = null;
        if (input.Competences is { } codes)
        {
            competenceIds = [];
            var known = lookups.Competences ?? new Dictionary<string, int>();
            for (var i = 0; i < codes.Count; i++)
            {
                if (!known.TryGetValue(ClusterHub.Competences.CompetenceRules.NormalizeCode(codes[i]), out var id)) Fail($"competences[{i}]", codes[i], "is not a competence of this cluster's taxonomy");
                else if (!competenceIds.Contains(id)) competenceIds.Add(id); // a code named twice is one need
            }
        }
        if (errors.Count > 0) return errors;

        proposal.Title = title!;
        proposal.Acronym = acronym!;
        proposal.NormalizedTitle = Names.Normalize(acronym + " " + title);
        proposal.Summary = Blank(input.Summary);
        proposal.ExpectedOutcomes = Blank(input.ExpectedOutcomes);
        proposal.CallId = input.CallId;
        proposal.StrategicAreaId = input.StrategicAreaId;
        proposal.ActivityDomainId = input.ActivityDomainId;
        proposal.DurationMonths = input.DurationMonths;
        proposal.TrlStart = input.TrlStart;
        proposal.TrlTarget = input.TrlTarget;
        proposal.Partners.Clear();
        proposal.Partners.AddRange(rows);
        proposal.CoordinatorMemberId = rows.Single(r => r.Role == PartnerRole.Coordinator).MemberId;
        if (competenceIds is not null)
        {
            proposal.Competences.RemoveAll(c => !competenceIds.Contains(c.CompetenceId));
            foreach (var id in competenceIds.Where(id => proposal.Competences.All(c => c.CompetenceId != id)))
                proposal.Competences.Add(new ProposalCompetence { CompetenceId = id });
        }
        return errors;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
