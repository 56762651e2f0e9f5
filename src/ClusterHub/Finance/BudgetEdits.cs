using System.Globalization;
using ClusterHub.Data;
using ClusterHub.Dues;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Finance;

/// <summary>
/// A budget line as the API, the page and the import give it. <c>Source</c> by name (<see cref="BudgetSource"/>, never
/// Dues); amounts in euros with at most two decimals; the payer either a member (<c>PayerMemberId</c>) or a name.
/// <c>Version</c>: the version edited (an edit made from an older copy is refused).
/// </summary>
public sealed record BudgetLineInput(int? Year, string? Source, decimal? PlannedEur, decimal? ActualEur, int? PayerMemberId, string? PayerName, string? Note, int? Version = null);

public sealed record BudgetLineDto(int Id, int Year, BudgetSource Source, long? PlannedCents, long? ActualCents, int? PayerMemberId, string? PayerMemberName,
    string? PayerName, string? Note, int Version)
{
    public decimal? PlannedEur => PlannedCents is { } p ? Money.Euros(p) : null;
    public decimal? ActualEur => ActualCents is { } a ? Money.Euros(a) : null;

    /// <summary>Who paid, as a person reads it: the member's name, else the name typed.</summary>
    public string? Payer => PayerMemberName ?? PayerName;
}

/// <summary>The secretariat of a year as given: staff in full-time equivalents, operating cost in euros.</summary>
public sealed record SecretariatInput(double? StaffFte, decimal? OperatingCostEur, int? Version = null);

public enum BudgetOutcome { Saved, NotFound, Invalid, Stale }

public sealed record BudgetResult<T>(BudgetOutcome Outcome, IReadOnlyList<FieldError> Errors, T? Value = default);

/// <summary>The budget's operations: one validator per input, for the API, the finance page and the import.</summary>
public static class BudgetEdits
{
    /// <summary>
    /// The one rule for a budget line (without the database): a year, a typed source, at least one amount, each from 0 to
    /// <see cref="FinanceLimits.MaxAmountEur"/> in whole cents, one payer at most, readable text within its column.
    /// </summary>
    public static List<FieldError> Validate(BudgetLineInput input, out BudgetSource source)
    {
        var errors = new List<FieldError>();
        source = BudgetSource.Other;
        if (input.Year is not { } year) errors.Add(new("year", null, "is required"));
        else if (Years.Validate(year) is { } yearError) errors.Add(yearError);
        if (InputText.Blank(input.Source) is not { } text) errors.Add(new("source", null, "is required"));
        else if (!Enum.TryParse(text, ignoreCase: true, out source) || !Enum.IsDefined(source) || int.TryParse(text, out _))
            errors.Add(new("source", InputText.Echo(text), $"is not one of {string.Join(", ", BudgetSources.Typed)}"));
        else if (source == BudgetSource.Dues)
            errors.Add(new("source", text, "dues are taken from the dues ledger (renewals and payments), not typed"));
        if (input.PlannedEur is null && input.ActualEur is null) errors.Add(new("actualEur", null, "a planned or an actual amount is required"));
        Amount(errors, "plannedEur", input.PlannedEur);
        Amount(errors, "actualEur", input.ActualEur);
        if (input.PayerMemberId is not null && InputText.Blank(input.PayerName) is not null)
            errors.Add(new("payerName", InputText.Echo(input.PayerName), "give either a member or a payer's name, not both"));
        Text(errors, "payerName", input.PayerName, FinanceLimits.PayerName);
        Text(errors, "note", input.Note, FinanceLimits.Note);
        return errors;
    }

    public static void Amount(List<FieldError> errors, string field, decimal? amount)
    {
        if (amount is not { } a) return;
        var shown = a.ToString(CultureInfo.InvariantCulture);
        if (a is < 0 or > FinanceLimits.MaxAmountEur) errors.Add(new(field, shown, $"must be between 0 and {FinanceLimits.MaxAmountEur:0}"));
        else if (decimal.Round(a, 2) != a) errors.Add(new(field, shown, "has more than two decimals"));
    }

    private static void Text(List<FieldError> errors, string field, string? value, int max)
    {
        if (InputText.Blank(value) is { } t && InputText.Check(t, max) is { } reason) errors.Add(new(field, InputText.Echo(t), reason));
    }

    /// <summary>Applies a valid input to a line.</summary>
    internal static void Apply(BudgetLine line, BudgetLineInput input, BudgetSource source)
    {
        line.Year = input.Year!.Value;
        line.Source = source;
        line.PlannedCents = input.PlannedEur is { } p ? Money.Cents(p) : null;
        line.ActualCents = input.ActualEur is { } a ? Money.Cents(a) : null;
        line.PayerMemberId = input.PayerMemberId;
        line.PayerName = input.PayerMemberId is null ? InputText.Blank(input.PayerName) : null;
        line.Note = InputText.Blank(input.Note);
    }

    /// <summary>Creates (<paramref name="id"/> null) or replaces a line; a stale version or a concurrent edit is <see cref="BudgetOutcome.Stale"/>.</summary>
    public static async Task<BudgetResult<BudgetLineDto>> SaveAsync(ClusterDb db, int clusterId, int? id, BudgetLineInput input, CancellationToken ct)
    {
        var errors = Validate(input, out var source);
        if (input.PayerMemberId is { } memberId && !await db.Members.AnyAsync(m => m.Id == memberId && m.ClusterId == clusterId, ct))
            errors.Add(new("payerMemberId", memberId.ToString(CultureInfo.InvariantCulture), "is not a member of the cluster"));
        if (errors.Count > 0) return new(BudgetOutcome.Invalid, errors);
        BudgetLine? line;
        if (id is { } existing)
        {
            line = await db.BudgetLines.SingleOrDefaultAsync(l => l.Id == existing && l.ClusterId == clusterId, ct);
            if (line is null) return new(BudgetOutcome.NotFound, []);
            // The database compares the version the editor saw, so an edit from an older copy fails even between our read and write.
            if (input.Version is { } v) db.Entry(line).Property(l => l.Version).OriginalValue = v;
        }
        else db.BudgetLines.Add(line = new BudgetLine { ClusterId = clusterId });
        Apply(line, input, source);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); return new(BudgetOutcome.Stale, []); }
        return new(BudgetOutcome.Saved, [], await FindAsync(db, clusterId, line.Id, ct));
    }

    /// <summary>
    /// Deletes a line; deleting one that is not there (already deleted) is no error. A line changed by someone else
    /// between our read and our delete is kept (<see cref="BudgetOutcome.Stale"/>): the person deleting has not seen the change.
    /// </summary>
    public static async Task<BudgetOutcome> DeleteAsync(ClusterDb db, int clusterId, int id, CancellationToken ct)
    {
        var line = await db.BudgetLines.SingleOrDefaultAsync(l => l.Id == id && l.ClusterId == clusterId, ct);
        if (line is null) return BudgetOutcome.Saved;
        db.BudgetLines.Remove(line);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await db.BudgetLines.AnyAsync(l => l.Id == id, ct) ? BudgetOutcome.Stale : BudgetOutcome.Saved;
        }
        return BudgetOutcome.Saved;
    }

    public static async Task<BudgetLineDto?> FindAsync(ClusterDb db, int clusterId, int id, CancellationToken ct) =>
        await db.BudgetLines.AsNoTracking().Where(l => l.ClusterId == clusterId && l.Id == id).Select(LineRow).SingleOrDefaultAsync(ct);

    /// <summary>The typed lines, by year (newest first) and source.</summary>
    public static IQueryable<BudgetLineDto> Lines(ClusterDb db, int clusterId, int? year) =>
        db.BudgetLines.AsNoTracking().Where(l => l.ClusterId == clusterId && (year == null || l.Year == year))
            .OrderByDescending(l => l.Year).ThenBy(l => l.Source).ThenBy(l => l.Id).Select(LineRow);

    private static readonly System.Linq.Expressions.Expression<Func<BudgetLine, BudgetLineDto>> LineRow = l =>
        new BudgetLineDto(l.Id, l.Year, l.Source, l.PlannedCents, l.ActualCents, l.PayerMemberId, l.PayerMember!.Name, l.PayerName, l.Note, l.Version);

    /// <summary>The one rule for a secretariat record.</summary>
    public static List<FieldError> Validate(int year, SecretariatInput input)
    {
        var errors = new List<FieldError>();
        if (Years.Validate(year) is { } yearError) errors.Add(yearError);
        if (input.StaffFte is null && input.OperatingCostEur is null) errors.Add(new("staffFte", null, "staff or an operating cost is required"));
        if (input.StaffFte is { } fte && (!double.IsFinite(fte) || fte is < 0 or > FinanceLimits.MaxStaffFte))
            errors.Add(new("staffFte", fte.ToString(CultureInfo.InvariantCulture), $"must be between 0 and {FinanceLimits.MaxStaffFte:0}"));
        Amount(errors, "operatingCostEur", input.OperatingCostEur);
        return errors;
    }

    /// <summary>Sets the staff and operating cost of a year, creating its record if needed; of two writers the second is <see cref="BudgetOutcome.Stale"/>.</summary>
    public static async Task<BudgetResult<SecretariatDto>> SetSecretariatAsync(ClusterDb db, int clusterId, int year, SecretariatInput input, CancellationToken ct)
    {
        var errors = Validate(year, input);
        if (errors.Count > 0) return new(BudgetOutcome.Invalid, errors);
        var record = await db.FinanceYears.SingleOrDefaultAsync(y => y.ClusterId == clusterId && y.Year == year, ct);
        if (record is null) db.FinanceYears.Add(record = new FinanceYear { ClusterId = clusterId, Year = year });
        else if (input.Version is { } v) db.Entry(record).Property(y => y.Version).OriginalValue = v;
        record.StaffFte = input.StaffFte;
        record.OperatingCostCents = input.OperatingCostEur is { } c ? Money.Cents(c) : null;
        try { await db.SaveChangesAsync(ct); }
        catch (Exception e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e)) { db.ChangeTracker.Clear(); return new(BudgetOutcome.Stale, []); }
        return new(BudgetOutcome.Saved, [], Dto(record));
    }

    public static SecretariatDto Dto(FinanceYear y) => new(y.Year, y.StaffFte, y.OperatingCostCents is { } c ? Money.Euros(c) : null, y.Version);

    public static async Task<IReadOnlyList<SecretariatDto>> SecretariatAsync(ClusterDb db, int clusterId, CancellationToken ct) =>
        [.. (await db.FinanceYears.AsNoTracking().Where(y => y.ClusterId == clusterId).OrderByDescending(y => y.Year).ToListAsync(ct)).Select(Dto)];

    public static string English(BudgetOutcome outcome) => outcome switch
    {
        BudgetOutcome.Stale => "Someone else changed this record at the same time; reload and try again.",
        BudgetOutcome.NotFound => "There is no such budget line.",
        _ => outcome.ToString(),
    };
}
