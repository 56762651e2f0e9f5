using System.Globalization;

namespace ClusterHub.Web;

/// <summary>
/// Numbers, amounts and dates in the reader's culture: every figure a page shows goes through here
/// (English reads British: 25/11/2026, 1,234; French 25/11/2026, 1 234; Korean 2026. 11. 25.).
/// Amounts are always euros, whatever the language.
/// </summary>
public static class Format
{
    /// <summary>Whole euros as such (€1,200); cents only when there are some (€1,200.50), never rounded away.</summary>
    public static string Euros(long cents)
    {
        var nf = (NumberFormatInfo)CultureInfo.CurrentCulture.NumberFormat.Clone();
        nf.CurrencySymbol = "€";
        return (cents / 100m).ToString(cents % 100 == 0 ? "C0" : "C2", nf);
    }

    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    /// <summary>A moment stored in UTC, shown as the reader's date and time (UTC, stated).</summary>
    public static string DateTime(DateTime utc) => utc.ToString("g", CultureInfo.CurrentCulture) + " UTC";

    public static string Number(int n) => n.ToString("N0", CultureInfo.CurrentCulture);
    /// <summary>A count or quantity, grouped (1,234 · 1 234); a blank shows as a dash.</summary>
    public static string Number(long? n) => n is { } value ? value.ToString("N0", CultureInfo.CurrentCulture) : "–";

    public static string Percent(int part, int whole) => whole == 0 ? "–" : ((double)part / whole).ToString("P0", CultureInfo.CurrentCulture);

    /// <summary>An indicator's value in its unit (a share as a percentage, euros as an amount); a missing one as a dash.</summary>
    public static string Measure(double? value, Indicators.IndicatorUnit unit) => value switch
    {
        null => "–",
        { } v => unit switch
        {
            Indicators.IndicatorUnit.Share => v.ToString("P1", CultureInfo.CurrentCulture),
            Indicators.IndicatorUnit.Euros => Euros((long)Math.Round(v * 100)),
            Indicators.IndicatorUnit.Count => v.ToString(v == Math.Floor(v) ? "N0" : "N1", CultureInfo.CurrentCulture),
            _ => v.ToString("N2", CultureInfo.CurrentCulture),
        },
    };

    /// <summary>The reader's culture as a BCP 47 tag, for the browser's Intl formatting (charts): British English as here.</summary>
    public static string Locale => CultureInfo.CurrentCulture.Name switch { "en" => "en-GB", var name => name };
}
