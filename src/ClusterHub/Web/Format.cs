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

    /// <summary>A moment stored in UTC, shown as the reader's date and time (UTC, stated).</summary>
    public static string DateTime(DateTime utc) => utc.ToString("g", CultureInfo.CurrentCulture) + " UTC";

    public static string Number(int n) => n.ToString("N0", CultureInfo.CurrentCulture);

    public static string Percent(int part, int whole) => whole == 0 ? "–" : ((double)part / whole).ToString("P0", CultureInfo.CurrentCulture);
}
