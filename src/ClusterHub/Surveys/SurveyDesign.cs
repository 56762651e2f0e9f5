using System.Globalization;
using ClusterHub.Data;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Surveys;

/// <summary>One Likert item as the secretariat gives it: a free-text key and the statement in English, French and Korean (the last two optional).</summary>
public sealed record SurveyItemInput(string? Key, string? TextEn, string? TextFr = null, string? TextKo = null);

/// <summary>A new questionnaire: its year, title, last day for answers, anonymity (default: anonymous) and its items, in order.</summary>
public sealed record SurveyInput(int Year, string? Title, DateOnly? ClosesOn, bool? Anonymous, IReadOnlyList<SurveyItemInput>? Items);

/// <summary>What became of a change to a survey; the API maps it to a status, the page to <c>Surveys.Change.{outcome}</c>.</summary>
public enum SurveyChange { Done, NotFound, Invalid, AlreadyExists, NotDraft, NotOpen, AlreadyClosed, ClosesInThePast, Concurrent }

/// <summary>Creating a questionnaire: the one validator of its input (API, page, demo) and the save.</summary>
public static class SurveyDesign
{
    /// <summary>The one rule for a survey's input: a year the product accepts, a title, a closing day, 1–100 items with unique keys and an English text.</summary>
    public static List<FieldError> Validate(SurveyInput input)
    {
        var errors = new List<FieldError>();
        if (Years.Validate(input.Year) is { } year) errors.Add(year);
        Text(errors, "title", input.Title, SurveyLimits.Title, required: true);
        if (input.ClosesOn is not { } closesOn) errors.Add(new("closesOn", null, "is required"));
        else if (Years.Validate(closesOn.Year, "closesOn") is { } closes) errors.Add(closes with { Value = closesOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        var items = input.Items ?? [];
        if (items.Count == 0) errors.Add(new("items", null, "needs at least one item"));
        if (items.Count > SurveyLimits.MaxItems) errors.Add(new("items", items.Count.ToString(CultureInfo.InvariantCulture), $"has more than {SurveyLimits.MaxItems} items"));
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Min(items.Count, SurveyLimits.MaxItems); i++)
        {
            var item = items[i];
            var prefix = $"items[{i}]";
            if (item is null) { errors.Add(new(prefix, null, "is required")); continue; }
            if (Text(errors, $"{prefix}.key", item.Key, SurveyLimits.ItemKey, required: true) is { } key)
            {
                if (!IsKey(key)) errors.Add(new($"{prefix}.key", InputText.Echo(key), "may hold only letters, digits, '.', '_' and '-'"));
                else if (!keys.Add(key)) errors.Add(new($"{prefix}.key", key, "appears more than once"));
            }
            Text(errors, $"{prefix}.textEn", item.TextEn, SurveyLimits.ItemText, required: true);
            Text(errors, $"{prefix}.textFr", item.TextFr, SurveyLimits.ItemText, required: false);
            Text(errors, $"{prefix}.textKo", item.TextKo, SurveyLimits.ItemText, required: false);
        }
        return errors;
    }

    /// <summary>Letters, digits and <c>. _ -</c>, starting with a letter or digit: <c>cipm.framework.consensus</c>.</summary>
    public static bool IsKey(string key) =>
        key.Length > 0 && char.IsAsciiLetterOrDigit(key[0]) && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    private static string? Text(List<FieldError> errors, string field, string? value, int max, bool required)
    {
        var text = InputText.Blank(value);
        if (text is null)
        {
            if (required) errors.Add(new(field, null, "is required"));
            return null;
        }
        if (InputText.Check(text, max) is { } reason) { errors.Add(new(field, InputText.Echo(text), reason)); return null; }
        return text;
    }

    /// <summary>Creates the survey in draft. One per cluster and year: a second is refused by a check and by the unique index behind it.</summary>
    public static async Task<(SurveyChange Change, List<FieldError> Errors, Survey? Survey)> CreateAsync(ClusterDb db, int clusterId, SurveyInput input, DateTime now, CancellationToken ct)
    {
        var errors = Validate(input);
        if (errors.Count > 0) return (SurveyChange.Invalid, errors, null);
        if (await db.Surveys.AnyAsync(s => s.ClusterId == clusterId && s.Year == input.Year, ct)) return (SurveyChange.AlreadyExists, [], null);
        var survey = new Survey
        {
            ClusterId = clusterId, Year = input.Year, Title = input.Title!.Trim(), ClosesOn = input.ClosesOn!.Value, Anonymous = input.Anonymous ?? true,
            State = SurveyState.Draft, CreatedAt = now,
            Items = [.. input.Items!.Select((item, i) => new SurveyItem
            {
                Position = i + 1, Key = item.Key!.Trim(), TextEn = item.TextEn!.Trim(), TextFr = InputText.Blank(item.TextFr), TextKo = InputText.Blank(item.TextKo),
            })],
        };
        db.Surveys.Add(survey);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (e.IsUniqueViolation()) { db.ChangeTracker.Clear(); return (SurveyChange.AlreadyExists, [], null); }
        return (SurveyChange.Done, [], survey);
    }

    /// <summary>
    /// Items from lines of text, as the page's form takes them: <c>key | English | French | Korean</c>, one item a line,
    /// the translations optional; blank lines skipped. The validator then judges them as it judges the API's.
    /// </summary>
    public static List<SurveyItemInput> ParseLines(string? text) =>
        [.. (text ?? "").Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).Select(l =>
        {
            var parts = l.Split('|');
            string? Part(int i) => i < parts.Length ? parts[i].Trim() : null;
            return new SurveyItemInput(Part(0), Part(1), Part(2), Part(3));
        })];
}
