using System.Globalization;
using System.Text;

namespace ClusterHub.Members;

public static class Names
{
    /// <summary>"Université de Bourgogne " → "UNIVERSITE DE BOURGOGNE": strips accents and punctuation, collapses spaces.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
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
