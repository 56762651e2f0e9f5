using System.Globalization;
using ClusterHub.Accounts;
using ClusterHub.Clusters;
using ClusterHub.Data;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Assessment;

public sealed record CopyInput(string? Key);
public sealed record TrendPoint(int Year, double? Score, double Coverage, string? Level, LifeCycleStage Stage, RecordState? State, IReadOnlyDictionary<string, double?> Dimensions);

public static class AssessmentApi
{
    public static void MapAssessment(this RouteGroupBuilder cluster)
    {
        var assessment = cluster.MapGroup("/assessment").WithTags("Assessment").RequirePermission(AssessmentPermissions.Read);
        assessment.MapGet("/{year:int}", Report);
        assessment.MapGet("/{year:int}/changes", Changes);
        assessment.MapGet("/trend", Trend);
        assessment.MapPost("/{year:int}/save", Save).RequirePermission(AssessmentPermissions.Judge);
        assessment.MapPut("/{year:int}/judgements/{item}", Judge).RequirePermission(AssessmentPermissions.Judge);

        var instruments = assessment.MapGroup("/instruments");
        instruments.MapGet("/", ListInstruments);
        instruments.MapGet("/{key}", GetInstrument);
        instruments.MapPost("/{key}/copy", Copy).RequirePermission(AssessmentPermissions.ManageInstruments);
        instruments.MapPut("/{key}", Edit).RequirePermission(AssessmentPermissions.ManageInstruments);
    }

    private static Task<Cluster> ClusterAsync(ClusterDb db, ClusterScope scope, CancellationToken ct) =>
        db.Clusters.AsNoTracking().SingleAsync(c => c.Id == scope.ClusterId, ct);

    private static ProblemHttpResult Problem(string detail, int status = StatusCodes.Status400BadRequest) => TypedResults.Problem(detail, statusCode: status);

    /// <summary>The year's assessment (stored if saved, else live): <c>?instrument=cipm|excellence|…&amp;format=json|html|pdf&amp;culture=en|fr|ko</c>.</summary>
    public static async Task<IResult> Report(int year, string? instrument, string? format, string? culture, ClusterScope scope, ClusterDb db, Assessments assessments,
        IStringLocalizer<Strings> l, ReportPdf pdf, CancellationToken ct)
    {
        if (Years.Validate(year) is { } bad) return Problem($"{bad.Field} {bad.Reason}");
        if (ReportOutput.ParseFormat(format) is not { } f) return Problem($"Unknown format '{InputText.Echo(format)}': json, html or pdf.");
        var language = culture is null ? CultureInfo.CurrentUICulture : ReportOutput.ParseCulture(culture);
        if (language is null) return Problem($"Unknown culture '{InputText.Echo(culture)}': en, fr or ko.");
        var report = await assessments.ReportAsync(db, await ClusterAsync(db, scope, ct), year, instrument ?? Instruments.Cipm, ct);
        if (report is null) return Problem($"No instrument '{InputText.Echo(instrument)}'.", StatusCodes.Status404NotFound);
        try
        {
            var bytes = await ReportOutput.RenderAsync(report, f, language, l, pdf, ct);
            return f == ReportFormat.Pdf
                ? TypedResults.File(bytes, ReportOutput.ContentType(f), $"{scope.Slug}-{report.InstrumentKey}-{year}.pdf")
                : TypedResults.Bytes(bytes, ReportOutput.ContentType(f));
        }
        catch (ChromiumMissingException e)
        {
            return Problem(e.Message, StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>What changed between <c>?from=</c> and the year, indicator by indicator, largest effect on the score first.</summary>
    public static async Task<IResult> Changes(int year, int? from, string? instrument, ClusterScope scope, ClusterDb db, Assessments assessments, CancellationToken ct)
    {
        if (Years.Validate(year) is { } bad) return Problem($"{bad.Field} {bad.Reason}");
        if (from is not { } start || Years.Validate(start) is not null) return Problem("from must be a year between 1950 and 2100.");
        var cluster = await ClusterAsync(db, scope, ct);
        var key = instrument ?? Instruments.Cipm;
        var a = await assessments.ReportAsync(db, cluster, start, key, ct);
        var b = await assessments.ReportAsync(db, cluster, year, key, ct);
        if (a is null || b is null) return Problem($"No instrument '{InputText.Echo(key)}'.", StatusCodes.Status404NotFound);
        var c = CultureInfo.CurrentUICulture;
        return TypedResults.Ok(new
        {
            from = start, to = year, scoreFrom = a.Result.Score, scoreTo = b.Result.Score,
            changes = AssessmentDiff.Between(a, b).Select(x => new { x.Key, name = x.Name.In(c), x.Dimension, x.Factor, x.ValueFrom, x.ValueTo, x.ScoreFrom, x.ScoreTo, x.Effect }),
        });
    }

    /// <summary>The score, coverage, level and stage of each year from <c>?from=</c> to <c>?to=</c> (at most 20 years).</summary>
    public static async Task<IResult> Trend(int? from, int? to, string? instrument, ClusterScope scope, ClusterDb db, Assessments assessments, CancellationToken ct)
    {
        if (from is not { } a || to is not { } b || Years.Validate(a) is not null || Years.Validate(b) is not null || b < a || b - a >= 20)
            return Problem("from and to must be years between 1950 and 2100, from ≤ to, at most 20 years.");
        var reports = await assessments.TrendAsync(db, await ClusterAsync(db, scope, ct), a, b, instrument ?? Instruments.Cipm, ct);
        if (reports.Count == 0) return Problem($"No instrument '{InputText.Echo(instrument)}'.", StatusCodes.Status404NotFound);
        return TypedResults.Ok(reports.Select(Point).ToList());
    }

    public static TrendPoint Point(AssessmentReport r) => new(r.Year, r.Result.Score, r.Result.Coverage, r.Result.Level?.Key, r.LifeCycle.Stage, r.State,
        r.Result.Dimensions.ToDictionary(d => d.Spec.Key, d => d.Score));

    /// <summary>Stores the year's assessment as it is now (<c>?final=true</c> finalises it: it never changes again).</summary>
    public static async Task<IResult> Save(int year, string? instrument, bool? final, HttpContext http, ClusterScope scope, ClusterDb db, Assessments assessments,
        IStringLocalizer<Strings> l, CancellationToken ct)
    {
        if (Years.Validate(year) is { } bad) return Problem($"{bad.Field} {bad.Reason}");
        var (outcome, report) = await assessments.SaveAsync(db, await ClusterAsync(db, scope, ct), year, instrument ?? Instruments.Cipm, final == true,
            http.User.Identity?.Name ?? "user", ct);
        return outcome switch
        {
            SaveOutcome.Done => TypedResults.Ok(ReportDto.From(report!, l)),
            SaveOutcome.NotFound => Problem($"No instrument '{InputText.Echo(instrument)}'.", StatusCodes.Status404NotFound),
            SaveOutcome.Finalised => Problem($"The assessment of {year} is final: it cannot change.", StatusCodes.Status409Conflict),
            _ => Problem("Someone saved this assessment at the same time; reload and try again.", StatusCodes.Status409Conflict),
        };
    }

    /// <summary>An analyst's judgement of a judgement item (1–5 with written evidence), for the year and the instrument's latest version.</summary>
    public static async Task<IResult> Judge(int year, string item, string? instrument, JudgementInput input, HttpContext http, ClusterScope scope, ClusterDb db,
        Assessments assessments, CancellationToken ct)
    {
        var (outcome, errors) = await assessments.JudgeAsync(db, scope.ClusterId, year, instrument ?? Instruments.Cipm, item, input, http.User.Identity?.Name ?? "user", ct);
        return outcome switch
        {
            JudgeOutcome.Done => TypedResults.Ok(),
            JudgeOutcome.Invalid => TypedResults.ValidationProblem(errors.ToProblemDictionary()),
            JudgeOutcome.NotFound => Problem($"No judgement item '{InputText.Echo(item)}' in instrument '{InputText.Echo(instrument ?? Instruments.Cipm)}'.", StatusCodes.Status404NotFound),
            JudgeOutcome.NotAJudgementItem => Problem($"'{InputText.Echo(item)}' takes its evidence from data, not from a judgement.", StatusCodes.Status409Conflict),
            JudgeOutcome.Finalised => Problem($"The assessment of {year} is final: its judgements cannot change.", StatusCodes.Status409Conflict),
            _ => Problem("Someone judged this item at the same time; reload and try again.", StatusCodes.Status409Conflict),
        };
    }

    public static async Task<Ok<List<InstrumentSummary>>> ListInstruments(ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await Instruments.ListAsync(db, clock, scope.ClusterId, CultureInfo.CurrentUICulture, ct));

    /// <summary>An instrument as data (its latest version, or <c>?version=</c>): the body a PUT takes back to make the next version.</summary>
    public static async Task<IResult> GetInstrument(string key, int? version, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct)
    {
        var found = version is { } v ? await Instruments.VersionAsync(db, clock, scope.ClusterId, key, v, ct) : await Instruments.LatestAsync(db, clock, scope.ClusterId, key, ct);
        if (found is null) return Problem($"No instrument '{InputText.Echo(key)}'{(version is null ? "" : $" version {version}")}.", StatusCodes.Status404NotFound);
        return TypedResults.Ok(new { found.Version, shipped = found.ClusterId is null, found.CopiedFrom, found.CreatedAt, found.CreatedBy, instrument = InstrumentMapping.ToSpec(found) });
    }

    /// <summary>Copies an instrument under a new key (<c>{"key":"my-cipm"}</c>): version 1 of the cluster's own, which it may then change.</summary>
    public static async Task<IResult> Copy(string key, CopyInput input, HttpContext http, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct)
    {
        var (change, copy) = await Instruments.CopyAsync(db, clock, scope.ClusterId, key, input.Key?.Trim() ?? "", http.User.Identity?.Name ?? "user", ct);
        return change switch
        {
            InstrumentChange.Done => TypedResults.Created($"/api/v1/clusters/{scope.Slug}/assessment/instruments/{copy!.Key}", new { copy.Key, copy.Version, copy.CopiedFrom }),
            InstrumentChange.NotFound => Problem($"No instrument '{InputText.Echo(key)}'.", StatusCodes.Status404NotFound),
            InstrumentChange.AlreadyExists => Problem($"An instrument '{InputText.Echo(input.Key)}' exists already.", StatusCodes.Status409Conflict),
            _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["key"] = ["must be 1–64 characters of a–z, 0–9, '_', '.', '-'"] }),
        };
    }

    /// <summary>Saves a changed instrument as its next version; a shipped instrument is read-only (copy it first).</summary>
    public static async Task<IResult> Edit(string key, InstrumentSpec spec, HttpContext http, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct)
    {
        var (change, saved, errors) = await Instruments.EditAsync(db, clock, scope.ClusterId, key, spec, http.User.Identity?.Name ?? "user", ct);
        return change switch
        {
            InstrumentChange.Done => TypedResults.Ok(new { saved!.Key, saved.Version }),
            InstrumentChange.NotFound => Problem($"No instrument '{InputText.Echo(key)}'.", StatusCodes.Status404NotFound),
            InstrumentChange.Shipped => Problem($"'{InputText.Echo(key)}' is shipped with the product and read-only: copy it, then change the copy.", StatusCodes.Status409Conflict),
            InstrumentChange.AlreadyExists => Problem("Someone saved a new version at the same time; reload and try again.", StatusCodes.Status409Conflict),
            _ => TypedResults.ValidationProblem(errors.ToProblemDictionary()),
        };
    }
}
