using System.Globalization;
using System.Resources;
using ClusterHub.Web;

namespace ClusterHub.Outbox;

/// <summary>
/// Message texts from the shared resources (<c>tools/strings.py</c>), in a language chosen for the
/// recipient (the cluster's), not the language of whoever caused the message.
/// </summary>
public static class MailTexts
{
    private static readonly ResourceManager Resources = new(typeof(Strings).FullName!, typeof(Strings).Assembly);

    /// <summary>The culture for a cluster's language: English when it has none or one the product does not speak.</summary>
    public static CultureInfo Culture(string? language) =>
        ClusterHubApp.Cultures.FirstOrDefault(c => string.Equals(c.Name, language, StringComparison.OrdinalIgnoreCase)) ?? ClusterHubApp.Cultures[0];

    public static string Text(CultureInfo culture, string key, params object?[] args)
    {
        var format = Resources.GetString(key, culture) ?? throw new InvalidOperationException($"missing resource {key}");
        return string.Format(culture, format, args);
    }

    /// <summary>An amount in euros with its cents, in the reader's notation (812,50 € or €812.50).</summary>
    public static string Euros(CultureInfo culture, long cents)
    {
        var nf = (NumberFormatInfo)culture.NumberFormat.Clone();
        nf.CurrencySymbol = "€";
        return (cents / 100m).ToString("C2", nf);
    }

    public static string Date(CultureInfo culture, DateOnly date) => date.ToString("d", culture);
}
