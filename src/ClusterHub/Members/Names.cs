using System.Globalization;
using System.Text;

namespace ClusterHub.Members;

public static class Names
{
    /// <summary>
    /// "Université de Bourgogne " → "UNIVERSITE DE BOURGOGNE": strips accents and punctuation, collapses spaces.
    /// At most three times as long as <paramref name="text"/> (a Hangul syllable is three letters once decomposed).
    /// Never throws: search terms and import cells arrive unvalidated, and normalisation refuses unpaired
    /// surrogates and noncharacters, which become spaces here.
    /// </summary>
    /// <remarks>
    /// Text made only of Latin letters (below U+0250: every French, and nearly every European, name) is normalised
    /// character by character through <see cref="Latin"/>, a table the general path itself computes once; the general
    /// path (ICU's decomposition) took a third of a 100,000-member import's validation. The two agree by construction:
    /// canonical decomposition works one code point at a time, and only the marks it may reorder are dropped.
    /// </remarks>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        foreach (var c in text)
            if (c >= Latin.Length) return Decomposed(text);
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            var mapped = Latin[c];
            if (mapped.Length == 0) continue;
            if (mapped == " ") { pendingSpace = true; continue; }
            if (pendingSpace && sb.Length > 0) sb.Append(' ');
            pendingSpace = false;
            sb.Append(mapped);
        }
        return sb.ToString();
    }

    /// <summary>What each character below U+0250 becomes: its upper-case base letters, "" when dropped, " " for a separator.</summary>
    private static readonly string[] Latin = BuildLatin(0x250);

    private static string[] BuildLatin(int count)
    {
        var table = new string[count];
        for (var c = 0; c < count; c++)
        {
            // Between two letters, so that a separator shows as the space it leaves and a dropped character as nothing.
            var around = Decomposed("A" + (char)c + "B");
            var middle = around[1..^1];
            table[c] = middle.Length == 0 ? "" : middle.Trim().Length == 0 ? " " : middle.Contains(' ') ? throw new InvalidOperationException($"U+{c:X4} normalises to letters and spaces") : middle;
        }
        return table;
    }

    /// <summary>The general path: any Unicode text, through canonical decomposition.</summary>
    private static string Decomposed(string text)
    {
        var decomposed = Web.InputText.Sanitize(text).Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && sb.Length > 0) sb.Append(' ');
                pendingSpace = false;
                sb.Append(char.ToUpperInvariant(c));
            }
            else pendingSpace = true;
        }
        return sb.ToString();
    }

    /// <summary>For tests: the general path, which the Latin table must agree with.</summary>
    internal static string NormalizeThroughDecomposition(string text) => string.IsNullOrWhiteSpace(text) ? "" : Decomposed(text);
}
