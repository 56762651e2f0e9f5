using System.Text;

namespace ClusterHub.Web;

/// <summary>
/// What every text field accepts, whatever its feature: at most as many characters as its column holds,
/// and text that both databases can store and a person can read. The validators of each input
/// (<see cref="Members.MemberValidation"/>, <see cref="Clusters.ClusterRegistration"/>) apply it field by field.
/// </summary>
public static class InputText
{
    /// <summary>The reason for a character no field accepts (see <see cref="IsReadable"/>).</summary>
    public const string Unreadable = "contains a control character or an invalid character";

    /// <summary>How long an echoed value may be in an error report.</summary>
    public const int EchoLength = 100;

    public static string TooLong(int maxLength) => $"is longer than {maxLength} characters";

    /// <summary>The trimmed text when there is some and a column of <paramref name="maxLength"/> characters can hold it, else null.</summary>
    public static string? Required(string? text, int maxLength) => Blank(text) is { } t && Check(t, maxLength) is null ? t : null;

    /// <summary>The trimmed text, or null when there is none.</summary>
    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Why <paramref name="text"/> cannot be stored in a column of <paramref name="maxLength"/> characters, or null when it can.</summary>
    public static string? Check(string text, int maxLength) =>
        text.Length > maxLength ? TooLong(maxLength) : IsReadable(text) ? null : Unreadable;

    /// <summary>
    /// False for a control character (PostgreSQL refuses U+0000; a line break or an escape code in a
    /// name breaks the CSV export and the pages), an unpaired surrogate (not UTF-8: Npgsql cannot send it)
    /// and a noncharacter such as U+FFFE (Unicode normalisation, hence name search, refuses it).
    /// </summary>
    /// <summary>
    /// <see cref="Check"/> for text written in lines (minutes, comments): line breaks and tabs are allowed, every other rule holds.
    /// </summary>
    public static string? CheckLines(string text, int maxLength) =>
        text.Length > maxLength ? TooLong(maxLength) : IsReadable(text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ')) ? null : Unreadable;

    public static bool IsReadable(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c)) return false;
            int codePoint = c;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return false;
                codePoint = char.ConvertToUtf32(c, text[++i]);
            }
            else if (char.IsLowSurrogate(c)) return false;
            if (IsNoncharacter(codePoint)) return false;
        }
        return true;
    }

    /// <summary>
    /// <paramref name="text"/> with every unpaired surrogate and noncharacter replaced by U+FFFD, so that
    /// it can be normalised, encoded and echoed; control characters are kept.
    /// </summary>
    public static string Sanitize(string text)
    {
        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var width = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            var bad = char.IsSurrogate(c) && width == 1 || IsNoncharacter(width == 2 ? char.ConvertToUtf32(c, text[i + 1]) : c);
            if (bad) (clean ??= new StringBuilder(text, 0, i, text.Length)).Append('\uFFFD');
            else clean?.Append(text, i, width);
            i += width - 1;
        }
        return clean?.ToString() ?? text;
    }

    /// <summary>A rejected value as an error repeats it: sanitised and cut short, so a 30 MB cell is not sent back whole.</summary>
    public static string? Echo(string? value)
    {
        if (value is null) return null;
        if (value.Length <= EchoLength) return Sanitize(value);
        var cut = EchoLength - 1; // and the ellipsis
        if (char.IsHighSurrogate(value[cut - 1])) cut--;
        return Sanitize(value[..cut]) + "…";
    }

    private static bool IsNoncharacter(int codePoint) => codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
}
