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
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
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
}
