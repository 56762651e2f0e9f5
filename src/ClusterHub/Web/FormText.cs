using System.Globalization;
using ClusterHub.Members;

namespace ClusterHub.Web;

/// <summary>
/// Reads the text typed into a page's form as the numbers, dates and choices an input record holds. A field that does not read
/// becomes a <see cref="FieldError"/> named as the API names the field, so one list of errors serves the form; what the value
/// must be (a range, a rule between fields) stays the input's validator's.
/// </summary>
public sealed class FormText
{
    public List<FieldError> Errors { get; } = [];

    public int Whole(string field, string? text) => OptionalWhole(field, text) ?? Fail(field, text, "is required", 0);

    public int? OptionalWhole(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : Fail<int?>(field, text, "is not a whole number", null);
    }

    /// <summary>An amount in euros, blank as zero; spaces group thousands and a comma is the French decimal separator.</summary>
    public decimal Euros(string field, string? text)
    {
        var t = Amount(text);
        if (t.Length == 0) return 0;
        return decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : Fail(field, text, "is not an amount in euros", 0m);
    }

    /// <summary>An amount as typed, ready for the invariant parser: spaces (digit groups, non-breaking or narrow too) gone, a comma read as the decimal point.</summary>
    public static string Amount(string? text) => new string([.. (text ?? "").Where(c => !char.IsWhiteSpace(c))]).Replace(',', '.');

    public DateOnly Date(string field, string? text) => OptionalDate(field, text) ?? Fail(field, text, "is required", default(DateOnly));

    public DateOnly? OptionalDate(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : Fail<DateOnly?>(field, text, "is not a date yyyy-mm-dd", null);
    }

    /// <summary>One of an enumeration's names, or null when blank.</summary>
    public T? Choice<T>(string field, string? text) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return Enum.TryParse<T>(text.Trim(), out var v) && Enum.IsDefined(v) && !int.TryParse(text, out _) ? v : Fail<T?>(field, text, "is not one of the choices", null);
    }

    private T Fail<T>(string field, string? text, string reason, T value)
    {
        Errors.Add(new(field, text, reason));
        return value;
    }
}
