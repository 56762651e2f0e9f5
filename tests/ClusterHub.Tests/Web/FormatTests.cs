using System.Globalization;
using ClusterHub.Web;

namespace ClusterHub.Tests.Web;

/// <summary>Figures as each language writes them, in the cultures the application serves.</summary>
public sealed class FormatTests
{
    private static T In<T>(string culture, Func<T> format)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = ClusterHubApp.Cultures.Single(c => c.Name == culture);
        try { return format(); }
        finally { CultureInfo.CurrentCulture = saved; }
    }

    [Theory]
    [InlineData("en", "12/07/2005", "9,000", "€1,200", "€812.50", "en-GB")]
    [InlineData("fr", "12/07/2005", "9\u202f000", "1\u202f200 €", "812,50 €", "fr")]
    [InlineData("ko", "2005. 7. 12.", "9,000", "€1,200", "€812.50", "ko")]
    public void Dates_counts_and_euros_read_as_the_language_writes_them(string culture, string date, string count, string euros, string cents, string locale)
    {
        Assert.Equal(date, In(culture, () => Format.Date(new DateOnly(2005, 7, 12))));
        Assert.Equal(count, In(culture, () => Format.Number(9000)));
        Assert.Equal(euros, In(culture, () => Format.Euros(120_000)));
        Assert.Equal(cents, In(culture, () => Format.Euros(81_250)));
        Assert.Equal(locale, In(culture, () => Format.Locale));
    }

    [Fact]
    public void A_blank_number_is_a_dash()
    {
        Assert.Equal("–", Format.Number(null));
        Assert.Equal("–", Format.Percent(3, 0));
    }
}
