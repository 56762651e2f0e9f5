using System.Globalization;
using ClusterHub.Data;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects;

public sealed record FunderInput(string? Name, FunderKind Kind);
public sealed record FunderDto(int Id, string Name, FunderKind Kind);
public sealed record RateDto(PartnerCategory Category, int MaxRatePercent);
public sealed record CallInput(int FunderId, string? Title, string? Themes, DateOnly OpensOn, DateOnly ClosesOn, DateOnly? ResultsOn, CallState State,
    int? MinPartners, bool RequiresSme, int? MaxDurationMonths, IReadOnlyList<RateDto>? FundingRates, int? ConflictYears = null);
public sealed record CallRow(int Id, string Title, int FunderId, string Funder, FunderKind FunderKind, DateOnly OpensOn, DateOnly ClosesOn, DateOnly? ResultsOn, CallState State);
/// <summary>What became of saving a funder or a call: its id when saved; the fields in error; a funder's name already taken; a call changed meanwhile.</summary>
public enum CallEditOutcome { Saved, NotFound, Invalid, Duplicate, Stale }
public sealed record CallEdit(CallEditOutcome Outcome, int? Id = null, IReadOnlyList<FieldError>? Errors = null);
public sealed record CallDetails(CallRow Call, string? Themes, int? MinPartners, bool RequiresSme, int? MaxDurationMonths, IReadOnlyList<RateDto> FundingRates, int Proposals, int ConflictYears = 3);

/// <summary>Funders and their calls: the one validator of each, the list and the detail the API and the pages show.</summary>
public static class Calls
{
    public static List<FieldError> ValidateFunder(FunderInput input)
    {
        var errors = new List<FieldError>();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add(new("name", input.Name, "is required"));
        else if (name.Length > ProjectLimits.Name) errors.Add(new("name", name, $"is longer than {ProjectLimits.Name} characters"));
        return errors;
    }

    /// <summary>Adds a funder, for the API and the calls page; a second funder of the same name is a <see cref="CallEditOutcome.Duplicate"/>.</summary>
    public static async Task<CallEdit> AddFunderAsync(ClusterDb db, int clusterId, FunderInput input, CancellationToken ct)
    {
        var errors = ValidateFunder(input);
        if (errors.Count > 0) return new(CallEditOutcome.Invalid, Errors: errors);
        var name = input.Name!.Trim();
        if (await db.Funders.AnyAsync(f => f.ClusterId == clusterId && f.Name == name, ct)) return new(CallEditOutcome.Duplicate);
        var funder = db.Funders.Add(new Funder { ClusterId = clusterId, Name = name, Kind = input.Kind }).Entity;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (UniqueViolation.Is(e)) { db.ChangeTracker.Clear(); return new(CallEditOutcome.Duplicate); }
        return new(CallEditOutcome.Saved, funder.Id);
    }

    /// <summary>Creates a call (<paramref name="id"/> null) or replaces one, for the API and the call form alike.</summary>
    public static async Task<CallEdit> SaveAsync(ClusterDb db, int clusterId, int? id, CallInput input, CancellationToken ct)
    {
        var call = id is null ? new FundingCall { ClusterId = clusterId, Title = "" }
            : await db.FundingCalls.Include(c => c.FundingRates).SingleOrDefaultAsync(c => c.Id == id && c.ClusterId == clusterId, ct);
        if (call is null) return new(CallEditOutcome.NotFound);
        var errors = await ApplyAsync(db, clusterId, input, call, ct);
        if (errors.Count > 0) return new(CallEditOutcome.Invalid, id, errors);
        if (id is null) db.FundingCalls.Add(call);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return new(CallEditOutcome.Stale, id); }
        return new(CallEditOutcome.Saved, call.Id);
    }

    /// <summary>Validates a call and, when valid, writes it onto <paramref name="call"/> (its funding rates replaced).</summary>
    public static async Task<List<FieldError>> ApplyAsync(ClusterDb db, int clusterId, CallInput input, FundingCall call, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        void Fail(string field, object? value, string reason) => errors.Add(new(field, Convert.ToString(value, CultureInfo.InvariantCulture), reason));
        if (!await db.Funders.AnyAsync(f => f.Id == input.FunderId && f.ClusterId == clusterId, ct)) Fail("funderId", input.FunderId, "is not a funder of this cluster");
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title)) Fail("title", input.Title, "is required");
        else if (title.Length > ProjectLimits.Title) Fail("title", title, $"is longer than {ProjectLimits.Title} characters");
        if (input.Themes?.Length > ProjectLimits.Text) Fail("themes", null, $"is longer than {ProjectLimits.Text} characters");
        if (input.OpensOn.Year is < Years.Min or > Years.Max) Fail("opensOn", input.OpensOn, $"must be between {Years.Min} and {Years.Max}");
        if (input.ClosesOn < input.OpensOn) Fail("closesOn", input.ClosesOn, "is before the opening date");
        if (input.ClosesOn.Year > Years.Max) Fail("closesOn", input.ClosesOn, $"is after {Years.Max}");
        if (input.ResultsOn is { } r && r < input.ClosesOn) Fail("resultsOn", r, "is before the closing date");
        if (input.MinPartners is < 1 or > 100) Fail("minPartners", input.MinPartners, "must be between 1 and 100");
        if (input.MaxDurationMonths is < 1 or > ProposalValidation.MaxDurationMonths) Fail("maxDurationMonths", input.MaxDurationMonths, $"must be between 1 and {ProposalValidation.MaxDurationMonths}");
        if (input.ConflictYears is < 0 or > 100) Fail("conflictYears", input.ConflictYears, "must be between 0 and 100");
        var rates = input.FundingRates ?? [];
        for (var i = 0; i < rates.Count; i++)
            if (rates[i].MaxRatePercent is < 0 or > 100) Fail($"fundingRates[{i}].maxRatePercent", rates[i].MaxRatePercent, "must be between 0 and 100");
        foreach (var dup in rates.GroupBy(r => r.Category).Where(g => g.Count() > 1)) Fail("fundingRates", dup.Key, "names a category more than once");
        if (errors.Count > 0) return errors;

        call.FunderId = input.FunderId;
        call.Title = title!;
        call.Themes = string.IsNullOrWhiteSpace(input.Themes) ? null : input.Themes.Trim();
        call.OpensOn = input.OpensOn;
        call.ClosesOn = input.ClosesOn;
        call.ResultsOn = input.ResultsOn;
        call.State = input.State;
        call.MinPartners = input.MinPartners;
        call.RequiresSme = input.RequiresSme;
        call.MaxDurationMonths = input.MaxDurationMonths;
        call.ConflictYears = input.ConflictYears ?? 3;
        call.FundingRates.Clear();
        call.FundingRates.AddRange(rates.Select(r => new CallFundingRate { Category = r.Category, MaxRatePercent = r.MaxRatePercent }));
        return errors;
    }

    /// <summary>The calls, newest closing date first, filtered by state and funder, paged.</summary>
    public static Task<Page<CallRow>> PageAsync(ClusterDb db, int clusterId, CallState? state, int? funderId, int? page, int? pageSize, CancellationToken ct)
    {
        var q = db.FundingCalls.AsNoTracking().Where(c => c.ClusterId == clusterId);
        if (state is { } s) q = q.Where(c => c.State == s);
        if (funderId is { } f) q = q.Where(c => c.FunderId == f);
        return q.OrderByDescending(c => c.ClosesOn).ThenBy(c => c.Id).Select(Row).PageAsync(page, pageSize, ct);
    }

    public static async Task<CallDetails?> FindAsync(ClusterDb db, int clusterId, int id, CancellationToken ct)
    {
        var call = await db.FundingCalls.AsNoTracking().Include(c => c.Funder).Include(c => c.FundingRates).SingleOrDefaultAsync(c => c.Id == id && c.ClusterId == clusterId, ct);
        if (call is null) return null;
        var count = await db.Proposals.CountAsync(p => p.CallId == id, ct);
        return new(Row.Compile()(call), call.Themes, call.MinPartners, call.RequiresSme, call.MaxDurationMonths,
            [.. call.FundingRates.OrderBy(r => r.Category).Select(r => new RateDto(r.Category, r.MaxRatePercent))], count, call.ConflictYears);
    }

    public static Task<List<FunderDto>> FundersAsync(ClusterDb db, int clusterId, CancellationToken ct) =>
        db.Funders.AsNoTracking().Where(f => f.ClusterId == clusterId).OrderBy(f => f.Name).Select(f => new FunderDto(f.Id, f.Name, f.Kind)).ToListAsync(ct);

    private static readonly System.Linq.Expressions.Expression<Func<FundingCall, CallRow>> Row = c =>
        new CallRow(c.Id, c.Title, c.FunderId, c.Funder!.Name, c.Funder.Kind, c.OpensOn, c.ClosesOn, c.ResultsOn, c.State);
}
