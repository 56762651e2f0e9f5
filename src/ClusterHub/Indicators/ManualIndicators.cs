using System.Globalization;
using System.Text.RegularExpressions;
using ClusterHub.Data;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Indicators;

/// <summary>A manual indicator as typed: <see cref="Code"/> becomes the key <c>manual.{code}</c>.</summary>
public sealed record ManualIndicatorInput(string Code, string Name, string Definition, IndicatorUnit Unit, IndicatorDirection Direction);

/// <summary>A year's value with its written evidence; <see cref="Version"/>, when given, must be the value's current version.</summary>
public sealed record ManualValueInput(double? Value, string Evidence, int? Version = null);

public enum ManualEdit { Done, NotFound, Invalid, Duplicate, Stale }

/// <summary>
/// Defining a cluster's manual indicators and recording their yearly values. A value without written evidence is
/// refused: a figure nobody can trace is what the registry exists to avoid. One validator per input, for the API,
/// the page and the command line.
/// </summary>
public static partial class ManualIndicators
{
    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex CodePattern();

    public static string KeyOf(string code) => ManualIndicatorLimits.Prefix + code.Trim();

    public static List<FieldError> Validate(ManualIndicatorInput input, bool withCode = true)
    {
        var errors = new List<FieldError>();
        if (withCode)
        {
            var code = input.Code?.Trim() ?? "";
            if (code.Length == 0) errors.Add(new("code", input.Code, "is required"));
            else if (code.Length > ManualIndicatorLimits.Code) errors.Add(new("code", null, $"must be at most {ManualIndicatorLimits.Code} characters"));
            else if (!CodePattern().IsMatch(code)) errors.Add(new("code", code, "must start with a lower-case letter and hold only a–z, 0–9 and _"));
        }
        Text(errors, "name", input.Name, ManualIndicatorLimits.Name);
        Text(errors, "definition", input.Definition, ManualIndicatorLimits.Definition);
        if (!Enum.IsDefined(input.Unit)) errors.Add(new("unit", input.Unit.ToString(), "is not a unit"));
        if (!Enum.IsDefined(input.Direction)) errors.Add(new("direction", input.Direction.ToString(), "is not a direction"));
        return errors;
    }

    public static List<FieldError> Validate(int year, ManualValueInput input, IndicatorUnit unit)
    {
        var errors = new List<FieldError>();
        if (Years.Validate(year) is { } e) errors.Add(e);
        if (input.Value is not { } v || !double.IsFinite(v)) errors.Add(new("value", null, "must be a number"));
        else if (unit == IndicatorUnit.Share && v is < 0 or > 1) errors.Add(new("value", v.ToString(CultureInfo.InvariantCulture), "must be a share between 0 and 1"));
        else if (unit is IndicatorUnit.Count or IndicatorUnit.Days or IndicatorUnit.Years && v < 0) errors.Add(new("value", v.ToString(CultureInfo.InvariantCulture), "must not be negative"));
        Text(errors, "evidence", input.Evidence, ManualIndicatorLimits.Evidence);
        return errors;
    }

    private static void Text(List<FieldError> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(new(field, value, "is required"));
        else if (value.Trim().Length > max) errors.Add(new(field, null, $"must be at most {max} characters"));
    }

    /// <summary>A new manual indicator, or (with <paramref name="key"/>) new texts, unit or direction for an existing one.</summary>
    public static async Task<(ManualEdit Outcome, ManualIndicator? Indicator, List<FieldError> Errors)> SaveAsync(
        ClusterDb db, int clusterId, string? key, ManualIndicatorInput input, CancellationToken ct)
    {
        var errors = Validate(input, withCode: key is null);
        if (errors.Count > 0) return (ManualEdit.Invalid, null, errors);
        var indicator = key is null
            ? new ManualIndicator { ClusterId = clusterId, Key = KeyOf(input.Code) }
            : await db.Set<ManualIndicator>().SingleOrDefaultAsync(i => i.ClusterId == clusterId && i.Key == key, ct);
        if (indicator is null) return (ManualEdit.NotFound, null, errors);
        if (key is null && await db.Set<ManualIndicator>().AnyAsync(i => i.ClusterId == clusterId && i.Key == indicator.Key, ct))
            return (ManualEdit.Duplicate, null, [new("code", input.Code, "is already used by another manual indicator")]);
        (indicator.Name, indicator.Definition, indicator.Unit, indicator.Direction) = (input.Name.Trim(), input.Definition.Trim(), input.Unit, input.Direction);
        if (key is null) db.Add(indicator);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear(); // a concurrent definition took the code
            return (ManualEdit.Duplicate, null, [new("code", input.Code, "is already used by another manual indicator")]);
        }
        catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); return (ManualEdit.Stale, null, errors); }
        return (ManualEdit.Done, indicator, errors);
    }

    /// <summary>
    /// Records (or corrects) one year's value. Of two people recording the same year at once, one wins and the other is
    /// <see cref="ManualEdit.Stale"/>; so is a correction made against a version that is no longer the current one.
    /// </summary>
    public static async Task<(ManualEdit Outcome, ManualIndicatorValue? Value, List<FieldError> Errors)> RecordAsync(
        ClusterDb db, int clusterId, string key, int year, ManualValueInput input, string author, DateTimeOffset now, CancellationToken ct)
    {
        var indicator = await db.Set<ManualIndicator>().SingleOrDefaultAsync(i => i.ClusterId == clusterId && i.Key == key, ct);
        if (indicator is null) return (ManualEdit.NotFound, null, []);
        var errors = Validate(year, input, indicator.Unit);
        if (errors.Count > 0) return (ManualEdit.Invalid, null, errors);
        var value = await db.Set<ManualIndicatorValue>().SingleOrDefaultAsync(v => v.ManualIndicatorId == indicator.Id && v.Year == year, ct);
        if (input.Version is { } expected && (value?.Version ?? 0) != expected) return (ManualEdit.Stale, null, errors);
        // A value's first version is 1, so that a correction made from a form that showed no value (version 0) loses to
        // one recorded meanwhile; later versions are raised by the change-history interceptor.
        if (value is null) db.Add(value = new ManualIndicatorValue { ManualIndicatorId = indicator.Id, Year = year, Version = 1 });
        (value.Value, value.Evidence, value.Author, value.RecordedAt) = (input.Value!.Value, input.Evidence.Trim(), author, now);
        try { await db.SaveChangesAsync(ct); }
        catch (Exception e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e)) { db.ChangeTracker.Clear(); return (ManualEdit.Stale, null, errors); }
        return (ManualEdit.Done, value, errors);
    }

    public static async Task<List<ManualIndicator>> ListAsync(ClusterDb db, int clusterId, CancellationToken ct) =>
        await db.Set<ManualIndicator>().AsNoTracking().Where(i => i.ClusterId == clusterId).OrderBy(i => i.Key).ToListAsync(ct);

    /// <summary>The year's recorded values by indicator key, with their versions (for a correction's form).</summary>
    public static async Task<Dictionary<string, ManualIndicatorValue>> ValuesAsync(ClusterDb db, int clusterId, int year, CancellationToken ct) =>
        await (from v in db.Set<ManualIndicatorValue>().AsNoTracking()
               join i in db.Set<ManualIndicator>() on v.ManualIndicatorId equals i.Id
               where i.ClusterId == clusterId && v.Year == year
               select new { i.Key, Value = v }).ToDictionaryAsync(x => x.Key, x => x.Value, ct);

    /// <summary>Each manual indicator's value for the year, with its evidence; missing when nobody recorded one.</summary>
    public static async Task<List<(IndicatorDefinition Definition, IndicatorValue Value)>> ReadAsync(ClusterDb db, int clusterId, int year, CancellationToken ct)
    {
        var rows = await db.Set<ManualIndicator>().AsNoTracking().Where(i => i.ClusterId == clusterId)
            .Select(i => new { Indicator = i, Value = i.Values.FirstOrDefault(v => v.Year == year) }).ToListAsync(ct);
        return [.. rows.Select(r => (r.Indicator.ToDefinition(), r.Value is { } v
            ? new IndicatorValue(r.Indicator.Key, v.Value, []) { Evidence = new IndicatorEvidence(v.Evidence, v.Author, v.RecordedAt) }
            : IndicatorValue.Missing(r.Indicator.Key)))];
    }
}
