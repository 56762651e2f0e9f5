using System.Globalization;

namespace ClusterHub.Web;

/// <summary>Numbers, amounts and dates in the reader's culture. Amounts are always euros, whatever the language.</summary>
public static class Format
{
    public static string Euros(long cents)
    {
        var nf = (NumberFormatInfo)CultureInfo.CurrentCulture.NumberFormat.Clone();
        nf.CurrencySymbol = "€";
        return (cents / 100m).ToString("C0", nf);
    }

    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    public static string Number(int n) => n.ToString("N0", CultureInfo.CurrentCulture);

    public static string Percent(int part, int whole) => whole == 0 ? "–" : ((double)part / whole).ToString("P0", CultureInfo.CurrentCulture);

    /// <summary>The reader's culture as a BCP 47 tag, for the browser's Intl formatting (charts): British English as here.</summary>
    public static string Locale => CultureInfo.CurrentCulture.Name switch { "en" => "en-GB", var name => name };
}
