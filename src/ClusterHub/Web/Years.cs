using System.Globalization;

namespace ClusterHub.Web;

/// <summary>The years the product accepts anywhere (membership, indicators, reviews): the oldest clusters date from the 1990s; plans run a few years ahead.</summary>
public static class Years
{
    public const int Min = 1950, Max = 2100;

    /// <summary>The one rule for a year; its reason is also the resource key pages translate.</summary>
    public static Members.FieldError? Validate(int year, string field = "year") =>
        year is < Min or > Max ? new(field, year.ToString(CultureInfo.InvariantCulture), $"must be between {Min} and {Max}") : null;
}
