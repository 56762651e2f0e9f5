using System.Buffers;
using System.Globalization;

namespace ClusterHub.Exchange;

/// <summary>
/// Formula-safe CSV cells (OWASP "CSV injection"): a spreadsheet runs a cell that starts with = + - @, a tab or a
/// carriage return as a formula, so a member's representative could plant <c>=HYPERLINK(…)</c> in a name that the
/// secretariat later opens in Excel. Such text is written with a leading single quote, which shows the text as text.
/// </summary>
/// <remarks>
/// The one exception: a plain number (<c>-12.5</c>, <c>+3</c>) in a column declared numeric, which a spreadsheet reads as a
/// number and which would stop being one with a quote. In a text column even "-12" is quoted: the column's values are not
/// numbers to anyone downstream, and only a column's declaration, not its content, decides, so a crafted value cannot
/// opt out. Our own import strips the quote again (<see cref="Restore"/>), so an export imports back unchanged.
/// </remarks>
public static class CsvCells
{
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    public static string? Neutralise(string? text, bool numeric = false)
    {
        if (string.IsNullOrEmpty(text) || !FormulaStarts.Contains(text[0])) return text;
        if (numeric && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)) return text;
        return "'" + text;
    }

    /// <summary>Undoes <see cref="Neutralise"/> on a cell read back from one of our exports.</summary>
    public static string? Restore(string? cell) => cell is ['\'', var c, ..] && FormulaStarts.Contains(c) ? cell[1..] : cell;
}
