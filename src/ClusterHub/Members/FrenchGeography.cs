using System.Collections.Frozen;

namespace ClusterHub.Members;

/// <summary>INSEE regions (2016 boundaries) and the départements in each, to validate and fill in member addresses.</summary>
public static class FrenchGeography
{
    public static readonly FrozenDictionary<string, string> Regions = new Dictionary<string, string>
    {
        ["01"] = "Guadeloupe", ["02"] = "Martinique", ["03"] = "Guyane", ["04"] = "La Réunion", ["06"] = "Mayotte",
        ["11"] = "Île-de-France", ["24"] = "Centre-Val de Loire", ["27"] = "Bourgogne-Franche-Comté",
        ["28"] = "Normandie", ["32"] = "Hauts-de-France", ["44"] = "Grand Est", ["52"] = "Pays de la Loire",
        ["53"] = "Bretagne", ["75"] = "Nouvelle-Aquitaine", ["76"] = "Occitanie", ["84"] = "Auvergne-Rhône-Alpes",
        ["93"] = "Provence-Alpes-Côte d'Azur", ["94"] = "Corse",
    }.ToFrozenDictionary();

    private static readonly (string Region, string Departements)[] Layout =
    [
        ("01", "971"), ("02", "972"), ("03", "973"), ("04", "974"), ("06", "976"),
        ("11", "75 77 78 91 92 93 94 95"),
        ("24", "18 28 36 37 41 45"),
        ("27", "21 25 39 58 70 71 89 90"),
        ("28", "14 27 50 61 76"),
        ("32", "02 59 60 62 80"),
        ("44", "08 10 51 52 54 55 57 67 68 88"),
        ("52", "44 49 53 72 85"),
        ("53", "22 29 35 56"),
        ("75", "16 17 19 23 24 33 40 47 64 79 86 87"),
        ("76", "09 11 12 30 31 32 34 46 48 65 66 81 82"),
        ("84", "01 03 07 15 26 38 42 43 63 69 73 74"),
        ("93", "04 05 06 13 83 84"),
        ("94", "2A 2B"),
    ];

    /// <summary>Département code → region code.</summary>
    public static readonly FrozenDictionary<string, string> RegionOfDepartement = Layout
        .SelectMany(r => r.Departements.Split(' ').Select(d => KeyValuePair.Create(d, r.Region)))
        .ToFrozenDictionary();

    public static string RegionName(string? code) =>
        code is not null && Regions.TryGetValue(code, out var name) ? name : code ?? "";
}
