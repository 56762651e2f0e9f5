using System.Globalization;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Dues;

public sealed record TierDto(MemberType MemberType, SizeClass SizeClass, decimal AmountEur);
public sealed record RenewalRequest(int Year);

/// <summary>A payment: its date is required; the ledger refuses one before the invoice or in the future (<see cref="SettleOutcome"/>).</summary>
public sealed record PaymentRequest(DateOnly? PaidOn);
public sealed record InvoiceRow(int Id, string Number, int Year, int MemberId, string MemberName, DateOnly IssuedOn, DateOnly DueOn, long AmountCents, InvoiceStatus Status, DateOnly? PaidOn)
{
    public decimal AmountEur => Money.Euros(AmountCents);
}

public static class DuesApi
{
    public static void MapDues(this RouteGroupBuilder cluster)
    {
        var dues = cluster.MapGroup("/dues").WithTags("Dues");
        dues.MapGet("/tiers/{year:int}", Tiers).RequirePermission(DuesPermissions.ReadTiers);
        dues.MapPut("/tiers/{year:int}", ReplaceTiers).RequirePermission(DuesPermissions.Manage);
        dues.MapPost("/renewals", Renew).RequirePermission(DuesPermissions.Manage);
        dues.MapGet("/ledger", Ledger).RequirePermission(DuesPermissions.ReadLedger);
        var invoices = cluster.MapGroup("/invoices").WithTags("Dues");
        invoices.MapGet("/", Invoices).RequirePermission(DuesPermissions.ReadInvoices);
        invoices.MapPost("/{id:int}/payment", RecordPayment).RequirePermission(DuesPermissions.RecordPayments);
        invoices.MapPost("/{id:int}/write-off", WriteOff).RequirePermission(DuesPermissions.Manage);
    }

    /// <summary>The tier table of one year.</summary>
    public static async Task<Results<Ok<List<TierDto>>, ValidationProblem>> Tiers(int year, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        if (Years.Validate(year) is { } error) return TypedResults.ValidationProblem(new[] { error }.ToProblemDictionary());
        return TypedResults.Ok(await db.DuesTiers.AsNoTracking().Where(t => t.ClusterId == scope.ClusterId && t.Year == year)
            .OrderBy(t => t.MemberType).ThenBy(t => t.SizeClass).AsAsyncEnumerable()
            .Select(t => new TierDto(t.MemberType, t.SizeClass, Money.Euros(t.AmountCents))).ToListAsync(ct));
    }

    /// <summary>Replaces the whole tier table of one year (managers only).</summary>
    public static async Task<Results<Ok<List<TierDto>>, ValidationProblem>> ReplaceTiers(int year, List<TierDto> tiers, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        var errors = DuesTiers.Validate(year, tiers);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemDictionary());
        await DuesTiers.ReplaceAsync(db, scope.ClusterId, year, tiers, ct);
        return TypedResults.Ok(tiers);
    }

    /// <summary>Renews every active member for the year: membership, dues from the tiers, invoice. Idempotent.</summary>
    public static async Task<Results<Ok<RenewalResult>, ValidationProblem>> Renew(RenewalRequest request, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct)
    {
        if (Years.Validate(request.Year) is { } error) return TypedResults.ValidationProblem(new[] { error }.ToProblemDictionary());
        return TypedResults.Ok(await DuesLedger.RenewAsync(db, scope.ClusterId, request.Year, clock.Today(), ct));
    }

    /// <summary>Totals by year and tier: invoiced, paid, outstanding, written off. <c>?format=csv</c> or <c>xlsx</c> downloads it.</summary>
    public static async Task<IResult> Ledger(HttpContext http, ClusterScope scope, ClusterDb db, int? year, string? format, CancellationToken ct)
    {
        if (year is { } y && Years.Validate(y) is { } error) return TypedResults.ValidationProblem(new[] { error }.ToProblemDictionary());
        var lines = await DuesLedger.LinesAsync(db, scope.ClusterId, year, ct);
        if (format is null || string.Equals(format, "json", StringComparison.OrdinalIgnoreCase)) return TypedResults.Ok(lines);
        if (Export.ParseFormat(format) is not { } fmt) return Export.UnknownFormat(format);
        await Export.SendAsync(http.Response, DuesLedger.DownloadStem(scope.Slug), DuesLedger.Table, lines.ToAsyncEnumerable(), fmt, ct);
        return TypedResults.Empty;
    }

    /// <summary>Invoices, newest first, filtered by year and status, paged.</summary>
    public static async Task<Results<Ok<Page<InvoiceRow>>, ValidationProblem>> Invoices(ClusterScope scope, ClusterDb db, int? year, InvoiceStatus? status, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (year is { } y && Years.Validate(y) is { } yearError) errors.Add(yearError);
        if (status is { } s && !Enum.IsDefined(s)) errors.Add(new("status", s.ToString(), $"is not one of {string.Join(", ", Enum.GetNames<InvoiceStatus>())}"));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemDictionary());
        return TypedResults.Ok(await InvoiceList.PageAsync(db, scope.ClusterId, year, status, page, pageSize, ct));
    }

    /// <summary>Records the payment of an invoice on a date between its issue and today.</summary>
    public static async Task<Results<Ok<InvoiceRow>, NotFound, ProblemHttpResult, ValidationProblem>> RecordPayment(int id, PaymentRequest request, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct)
    {
        if (request.PaidOn is not { } paidOn) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["paidOn"] = ["is required"] });
        return (await Settle(id, scope, db, InvoiceStatus.Paid, paidOn, clock, ct)).Result switch
        {
            Ok<InvoiceRow> ok => ok,
            NotFound notFound => notFound,
            ProblemHttpResult problem => problem,
            var other => throw new InvalidOperationException($"Unexpected result {other.GetType().Name}."),
        };
    }

    public static Task<Results<Ok<InvoiceRow>, NotFound, ProblemHttpResult>> WriteOff(int id, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct) =>
        Settle(id, scope, db, InvoiceStatus.WrittenOff, null, clock, ct);

    private static async Task<Results<Ok<InvoiceRow>, NotFound, ProblemHttpResult>> Settle(int id, ClusterScope scope, ClusterDb db, InvoiceStatus to, DateOnly? paidOn, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await DuesLedger.SettleAsync(db, scope.ClusterId, id, to, paidOn, clock.Today(), ct);
        return outcome switch
        {
            SettleOutcome.NotFound => TypedResults.NotFound(),
            SettleOutcome.Settled => TypedResults.Ok((await InvoiceList.FindAsync(db, scope.ClusterId, id, ct))!),
            SettleOutcome.AlreadySettled => TypedResults.Problem(SettleMessages.English(outcome), statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.Problem(SettleMessages.English(outcome), statusCode: StatusCodes.Status422UnprocessableEntity),
        };
    }
}

/// <summary>The refusals of <see cref="DuesLedger.SettleAsync"/> in words; the page translates the same keys.</summary>
public static class SettleMessages
{
    public static string Key(SettleOutcome outcome) => $"Dues.Settle.{outcome}";

    public static string English(SettleOutcome outcome) => outcome switch
    {
        SettleOutcome.PaidBeforeIssued => "The payment date is before the invoice was issued.",
        SettleOutcome.PaidInTheFuture => "The payment date is in the future.",
        SettleOutcome.AlreadySettled => "The invoice is already paid or written off.",
        _ => outcome.ToString(),
    };
}

public static class DuesTiers
{
    /// <summary>
    /// The one rule for a tier table, for the API and the dues page: a sane year, a member type and size
    /// class that exist (JSON may name them by number), amounts from 0 to <see cref="MaxAmountEur"/> in
    /// whole cents, one row per type and size.
    /// </summary>
    public static List<FieldError> Validate(int year, IReadOnlyList<TierDto> tiers)
    {
        var errors = new List<FieldError>();
        if (Years.Validate(year) is { } yearError) errors.Add(yearError);
        for (var i = 0; i < tiers.Count; i++)
        {
            var t = tiers[i];
            if (!Enum.IsDefined(t.MemberType)) errors.Add(new($"[{i}].memberType", t.MemberType.ToString(), $"is not one of {string.Join(", ", Enum.GetNames<MemberType>())}"));
            if (!Enum.IsDefined(t.SizeClass)) errors.Add(new($"[{i}].sizeClass", t.SizeClass.ToString(), $"is not one of {string.Join(", ", Enum.GetNames<SizeClass>())}"));
            var amount = t.AmountEur.ToString(CultureInfo.InvariantCulture);
            if (t.AmountEur is < 0 or > MaxAmountEur) errors.Add(new($"[{i}].amountEur", amount, $"must be between 0 and {MaxAmountEur:0}"));
            else if (decimal.Round(t.AmountEur, 2) != t.AmountEur) errors.Add(new($"[{i}].amountEur", amount, "has more than two decimals"));
        }
        foreach (var dup in tiers.GroupBy(t => (t.MemberType, t.SizeClass)).Where(g => g.Count() > 1))
            errors.Add(new($"{dup.Key.MemberType}/{dup.Key.SizeClass}", null, "appears more than once"));
        return errors;
    }

    /// <summary>A yearly fee above ten million euros is a typing error (and 1e17 would overflow the cents).</summary>
    public const decimal MaxAmountEur = 10_000_000m;

    public static async Task ReplaceAsync(ClusterDb db, int clusterId, int year, IEnumerable<TierDto> tiers, CancellationToken ct)
    {
        // Tracked, not set-based, so the change history sees the old table go.
        db.DuesTiers.RemoveRange(await db.DuesTiers.Where(t => t.ClusterId == clusterId && t.Year == year).ToListAsync(ct));
        db.DuesTiers.AddRange(tiers.Select(t => new DuesTier { ClusterId = clusterId, Year = year, MemberType = t.MemberType, SizeClass = t.SizeClass, AmountCents = Money.Cents(t.AmountEur) }));
        await db.SaveChangesAsync(ct);
    }
}

public static class InvoiceList
{
    public static Task<Page<InvoiceRow>> PageAsync(ClusterDb db, int clusterId, int? year, InvoiceStatus? status, int? page, int? pageSize, CancellationToken ct)
    {
        var q = db.Invoices.AsNoTracking().Where(i => i.ClusterId == clusterId);
        if (year is { } y) q = q.Where(i => i.MembershipYear!.Year == y);
        if (status is { } s) q = q.Where(i => i.Status == s);
        return q.OrderByDescending(i => i.MembershipYear!.Year).ThenBy(i => i.Number).ThenBy(i => i.Id).Select(Row).PageAsync(page, pageSize, ct);
    }

    public static async Task<InvoiceRow?> FindAsync(ClusterDb db, int clusterId, int id, CancellationToken ct) =>
        await db.Invoices.AsNoTracking().Where(i => i.ClusterId == clusterId && i.Id == id).Select(Row).SingleOrDefaultAsync(ct);

    private static readonly System.Linq.Expressions.Expression<Func<Invoice, InvoiceRow>> Row = i =>
        new InvoiceRow(i.Id, i.Number, i.MembershipYear!.Year, i.MembershipYear.MemberId, i.MembershipYear.Member!.Name, i.IssuedOn, i.DueOn, i.AmountCents, i.Status, i.PaidOn);
}
