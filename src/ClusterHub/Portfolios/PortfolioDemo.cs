using System.Globalization;
using System.Text;
using ClusterHub.Accounts;
using ClusterHub.Assessment;
using ClusterHub.Data;
using ClusterHub.Demo;
using ClusterHub.Exchange;

namespace ClusterHub.Portfolios;

/// <summary>
/// The demo's portfolio: "France — pôles de compétitivité (phase V)" with Nuclear Valley opted in and the 43 other poles of
/// <c>samples/nuclear-valley/portfolio-poles.csv</c> (real names from shared/data/french_poles_competitivite) imported with
/// ILLUSTRATIVE scores and sizes, generated deterministically from each name (the same numbers on every machine) and
/// marked illustrative in every row. They go through the import like any file.
/// </summary>
internal static class PortfolioDemo
{
    public const string Slug = "france-poles-v";
    public const string AnalystEmail = "analyst@portfolio.demo";
    public static readonly int[] Years = [2016, 2017, 2018, 2019];

    public static async Task LoadAsync(DemoSeed seed, CancellationToken ct)
    {
        var db = seed.Get<ClusterDb>();
        var access = seed.Get<PortfolioAccess>();
        var clock = seed.Get<TimeProvider>();
        var (outcome, portfolio, _) = await access.CreateAsync(db, new(Slug, "France — pôles de compétitivité (phase V)",
            "The poles labelled for phase V (2023–2026), 44 of 55 by name. Nuclear Valley runs on the platform and opted in; the others are imported with illustrative values."), "demo", ct);
        if (outcome != PortfolioOutcome.Done) throw new InvalidOperationException($"demo portfolio: {outcome}");
        await seed.Get<UserAdministration>().CreateAsync(AnalystEmail, NuclearValleyDemo.Password, "Portfolio analyst (demo)", ct);
        var (granted, errors) = await access.GrantAsync(db, portfolio!.Id, new(AnalystEmail, nameof(PortfolioRole.Analyst)), "demo", ct);
        if (granted != PortfolioOutcome.Done) throw new InvalidOperationException($"demo portfolio grant: {granted} {errors.FirstOrDefault()?.Reason}");
        if (await access.ConsentAsync(db, seed.ClusterId, Slug, true, NuclearValleyDemo.ManagerEmail, ct) != PortfolioOutcome.Done)
            throw new InvalidOperationException("demo portfolio consent failed");

        var poles = File.ReadAllLines(seed.File("portfolio-poles.csv"), Encoding.UTF8).Skip(1).Select(l => l.Split(',')).Select(c => (Name: c[0], Region: c[2])).ToList();
        foreach (var key in new[] { Instruments.Cipm, Instruments.Excellence })
        {
            var instrument = await Instruments.ShippedAsync(db, clock, key, null, ct) ?? throw new InvalidOperationException($"no instrument {key}");
            var csv = IllustrativeCsv(InstrumentMapping.ToSpec(instrument), poles);
            using var bytes = new MemoryStream(Encoding.UTF8.GetBytes(csv));
            var report = await PortfolioFile.ImportAsync(db, portfolio.Id, instrument, bytes, $"portfolio-{key}.csv", FileFormat.Csv, "demo", clock.GetUtcNow().UtcDateTime, ct);
            if (!report.Succeeded) throw new InvalidOperationException($"demo portfolio import: {(report.Errors.Count > 0 ? report.Errors[0] : null)}");
        }
        seed.Log.WriteLine($"portfolio: {Slug} with Nuclear Valley opted in and {poles.Count} poles imported (illustrative scores {Years[0]}-{Years[^1]}); analyst {AnalystEmail}");
    }

    /// <summary>
    /// The import file: per pole a level drawn from its name's hash, per dimension an offset, per year a small drift; one
    /// dimension cell in about twelve left empty to show missing scores. Everything rounded to one decimal.
    /// </summary>
    public static string IllustrativeCsv(InstrumentSpec spec, IReadOnlyList<(string Name, string Region)> poles)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(string.Join(',', ["name", "region", "year", "size", "illustrative", .. spec.Dimensions.Select(d => d.Key)])).Append('\n');
        foreach (var (name, region) in poles)
        {
            var random = new Random(Seed(name + "|" + spec.Key));
            var level = 40 + random.NextDouble() * 40;
            var offsets = spec.Dimensions.Select(_ => random.NextDouble() * 24 - 12).ToArray();
            var size = 60 + random.Next(640);
            foreach (var year in Years)
            {
                level = Math.Clamp(level + random.NextDouble() * 6 - 3, 5, 95);
                size = Math.Max(10, (int)Math.Round(size * (1 + (random.NextDouble() * 0.1 - 0.04))));
                var cells = offsets.Select(o => random.Next(12) == 0 ? "" : Math.Round(Math.Clamp(level + o, 0, 100), 1).ToString("0.0", c));
                text.Append(Quote(name)).Append(',').Append(Quote(region)).Append(',').Append(year.ToString(c)).Append(',').Append(size.ToString(c))
                    .Append(",yes,").Append(string.Join(',', cells)).Append('\n');
            }
        }
        return text.ToString();
    }

    private static string Quote(string text) => text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal) ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;

    /// <summary>FNV-1a over the UTF-8 bytes: a seed that does not change between runs (string.GetHashCode does).</summary>
    private static int Seed(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text)) hash = (hash ^ b) * 16777619u;
        return (int)(hash & 0x7fffffff);
    }
}
