using System.Globalization;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClusterHub.Finance;

public static class FinanceApi
{
    public static void MapFinance(this RouteGroupBuilder cluster)
    {
        var finance = cluster.MapGroup("/finance").WithTags("Finance").RequirePermission(FinancePermissions.Read);
        finance.MapGet("/{year:int}", Report);
        finance.MapGet("/lines", Lines);
        finance.MapPost("/lines", Create).RequirePermission(FinancePermissions.Manage);
        finance.MapPut("/lines/{lineId:int}", Update).RequirePermission(FinancePermissions.Manage);
        finance.MapDelete("/lines/{lineId:int}", Delete).RequirePermission(FinancePermissions.Manage);
        finance.MapGet("/lines/export", ExportLines);
        finance.MapPost("/lines/import", Import).RequirePermission(FinancePermissions.Manage).DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(RequestLimits.ImportBodyBytes));
        finance.MapGet("/lines/import/template", (HttpContext http, CancellationToken ct) => FinanceFile.Template.SendAsync(http.Response, ct))
            .RequirePermission(FinancePermissions.Manage);
        finance.MapGet("/secretariat", Secretariat);
        finance.MapPut("/secretariat/{year:int}", SetSecretariat).RequirePermission(FinancePermissions.Manage);
    }

    /// <summary>
    /// The funding mix of a year: planned and actual by source (dues by tier from the dues ledger), payers, the secretariat,
    /// every measure with its inputs and definition, the other years for the trends. <c>?format=csv|json|xlsx</c> downloads it as rows.
    /// </summary>
    public static async Task<IResult> Report(int year, HttpContext http, ClusterScope scope, ClusterDb db, string? format, CancellationToken ct)
    {
        if (Years.Validate(year) is { } error) return TypedResults.ValidationProblem(new[] { error }.ToProblemDictionary());
        var report = await FinanceReports.ReportAsync(db, scope.ClusterId, year, ct);
        if (format is null) return TypedResults.Ok(new
        {
            report.Year, report.Mix.HasBudget, report.Mix.Sources, report.Mix.DuesTiers, report.Mix.Payers, report.Mix.Secretariat, report.Mix.Members,
            Measures = FinanceIndicators.Readings(report.Mix).Select(r => Indicators.IndicatorRow.From(r, CultureInfo.CurrentUICulture)),
            SmeDues = new { Pays = Eur(report.Mix.Measures.SmeDuesCents), WithoutPublicMoney = Eur(report.Mix.Measures.SmeDuesWithoutPublicCents) },
            report.Trends,
            Years = report.Years.Select(y => new { y.Year, y.Sources, y.Measures }),
        });
        if (Export.ParseFormat(format) is not { } fmt) return Export.UnknownFormat(format);
        await Export.SendAsync(http.Response, $"{scope.Slug}-finance-{year}", FinanceFile.ReportTable, FinanceFile.ReportRows(report).ToAsyncEnumerable(), fmt, ct);
        return TypedResults.Empty;
    }

    private static decimal? Eur(long? cents) => cents is { } c ? Dues.Money.Euros(c) : null;

    /// <summary>The typed budget lines, filtered by year, newest first, paged (the dues are in the report, from the dues ledger).</summary>
    public static async Task<Results<Ok<Page<BudgetLineDto>>, ValidationProblem>> Lines(ClusterScope scope, ClusterDb db, int? year, int? page, int? pageSize, CancellationToken ct)
    {
        if (year is { } y && Years.Validate(y) is { } error) return TypedResults.ValidationProblem(new[] { error }.ToProblemDictionary());
        return TypedResults.Ok(await BudgetEdits.Lines(db, scope.ClusterId, year).PageAsync(page, pageSize, ct));
    }

    /// <summary>Adds a budget line.</summary>
    public static async Task<Results<Created<BudgetLineDto>, ValidationProblem, ProblemHttpResult, NotFound>> Create(BudgetLineInput input, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        var result = await BudgetEdits.SaveAsync(db, scope.ClusterId, null, input, ct);
        return result.Outcome == BudgetOutcome.Saved
            ? TypedResults.Created($"/api/v1/clusters/{scope.Slug}/finance/lines/{result.Value!.Id}", result.Value)
            : Refusal<Created<BudgetLineDto>, BudgetLineDto>(result);
    }

    /// <summary>Replaces a budget line; give <c>version</c> to refuse an edit made from an older copy (409).</summary>
    public static async Task<Results<Ok<BudgetLineDto>, ValidationProblem, ProblemHttpResult, NotFound>> Update(int lineId, BudgetLineInput input, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        var result = await BudgetEdits.SaveAsync(db, scope.ClusterId, lineId, input, ct);
        return result.Outcome == BudgetOutcome.Saved ? TypedResults.Ok(result.Value!) : Refusal<Ok<BudgetLineDto>, BudgetLineDto>(result);
    }

    /// <summary>Deletes a budget line; 204 whether or not it was still there, 409 when someone changed it at that moment.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(int lineId, ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        await BudgetEdits.DeleteAsync(db, scope.ClusterId, lineId, ct) == BudgetOutcome.Saved
            ? TypedResults.NoContent()
            : TypedResults.Problem(BudgetEdits.English(BudgetOutcome.Stale), statusCode: StatusCodes.Status409Conflict);

    private static Results<T, ValidationProblem, ProblemHttpResult, NotFound> Refusal<T, TValue>(BudgetResult<TValue> result) where T : IResult => result.Outcome switch
    {
        BudgetOutcome.NotFound => TypedResults.NotFound(),
        BudgetOutcome.Invalid => TypedResults.ValidationProblem(result.Errors.ToProblemDictionary()),
        _ => TypedResults.Problem(BudgetEdits.English(result.Outcome), statusCode: StatusCodes.Status409Conflict),
    };

    /// <summary>The typed budget lines in the import format: <c>?format=csv</c> (default), <c>json</c> or <c>xlsx</c>, optionally one <c>year</c>.</summary>
    public static async Task<IResult> ExportLines(HttpContext http, ClusterScope scope, ClusterDb db, int? year, string? format, CancellationToken ct)
    {
        if (year is { } y && Years.Validate(y) is { } error) return TypedResults.ValidationProblem(new[] { error }.ToProblemDictionary());
        if (Export.ParseFormat(format) is not { } fmt) return Export.UnknownFormat(format);
        await Export.SendAsync(http.Response, FinanceFile.DownloadStem(scope.Slug), FinanceFile.LineTable, FinanceFile.LineRows(db, scope.ClusterId, year), fmt, ct);
        return TypedResults.Empty;
    }

    /// <summary>Imports budget lines from a CSV body, replacing the typed lines of the years it names: all or nothing; 422 with located errors.</summary>
    public static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>>> Import(HttpRequest request, ClusterScope scope, ClusterDb db, string? fileName, CancellationToken ct)
    {
        var report = await FinanceFile.ImportAsync(db, scope.ClusterId, request.Body, fileName ?? "upload.csv", ct);
        return report.Succeeded ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }

    /// <summary>The secretariat of every year recorded: staff (full-time equivalents) and operating cost.</summary>
    public static async Task<Ok<IReadOnlyList<SecretariatDto>>> Secretariat(ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        TypedResults.Ok(await BudgetEdits.SecretariatAsync(db, scope.ClusterId, ct));

    /// <summary>Sets a year's staff and operating cost; give <c>version</c> to refuse an edit made from an older copy (409).</summary>
    public static async Task<Results<Ok<SecretariatDto>, ValidationProblem, ProblemHttpResult, NotFound>> SetSecretariat(int year, SecretariatInput input, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        var result = await BudgetEdits.SetSecretariatAsync(db, scope.ClusterId, year, input, ct);
        return result.Outcome == BudgetOutcome.Saved ? TypedResults.Ok(result.Value!) : Refusal<Ok<SecretariatDto>, SecretariatDto>(result);
    }
}
