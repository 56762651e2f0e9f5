using System.Globalization;
using System.Text;
using ClusterHub.Members;

namespace ClusterHub.Benchmarks;

/// <summary>
/// A seeded member import file of any size, every row valid and distinct (one in two with a SIREN): the input of the
/// import benchmarks and of the whole-command measure (`members-csv 100000 FILE`, then `clusterhub import members FILE`).
/// </summary>
public static class MemberCsv
{
    public static void Write(string path, int rows, int seed = 42)
    {
        var rng = new Random(seed);
        var types = Enum.GetNames<MemberType>();
        var deps = FrenchGeography.RegionOfDepartement.Keys.ToArray();
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine("name,type,headcount,turnover_eur,national_id,departement,city,sector_codes,founding_member,joined_on,status,contact_name,contact_email,contact_consent");
        for (var i = 0; i < rows; i++)
        {
            var siren = i % 2 == 0 ? Siren(100_000_000 + i) : "";
            var joined = new DateOnly(2000 + rng.Next(20), 1 + rng.Next(12), 1 + rng.Next(28));
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Société {i:D6} Élégante,{types[rng.Next(types.Length)]},{rng.Next(1, 5000)},{rng.Next(100_000, 90_000_000)},{siren},{deps[rng.Next(deps.Length)]},Ville {rng.Next(3000)},25.{rng.Next(10, 99)},{(rng.Next(20) == 0 ? "yes" : "no")},{joined:yyyy-MM-dd},Active,Contact {i},contact{i}@example.org,yes"));
        }
    }

    /// <summary>Eight digits and a Luhn check digit: a SIREN the validator accepts.</summary>
    private static string Siren(int eightDigits)
    {
        var body = (eightDigits % 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        for (var check = 0; check < 10; check++)
        {
            var candidate = body + (char)('0' + check);
            if (MemberValidation.IsValidNationalId(candidate, "FR")) return candidate;
        }
        throw new InvalidOperationException("no check digit");
    }
}
