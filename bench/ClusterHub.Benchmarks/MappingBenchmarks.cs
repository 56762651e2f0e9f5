using System.Globalization;
using BenchmarkDotNet.Attributes;
using ClusterHub.Analytics.Mapping;
using ClusterHub.Mapping;

namespace ClusterHub.Benchmarks;

/// <summary>
/// The mapping engine on a seeded region × industry × year table (regions × regions/3 industries × 10 years, a cell present
/// with a probability that grows with the region's size and the industry's prevalence, as bench/compare/mapping.py writes
/// it): rows into the engine (codes interned from text), all location quotients, a shift-share over the ten years, and
/// the application's CSV readers on the same rows (the general one and the command line's fast path). Side-by-side against pandas: bench/compare/mapping.py.
/// </summary>
[MemoryDiagnoser]
public class MappingBenchmarks
{
    [Params(300, 3000)]
    public int Regions { get; set; }

    private string[] regionOf = [], industryOf = [];
    private int[] yearOf = [];
    private double[] valueOf = [];
    private RegionalTable table = null!;
    private string csv = "";

    /// <summary>Rows in the table (printed by the setup: divide by the Import time for rows per second).</summary>
    public int Rows => regionOf.Length;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        var industries = Regions / 3;
        var size = Enumerable.Range(0, Regions).Select(_ => Math.Exp(1.2 * Normal(rng))).ToArray();
        var prevalence = Enumerable.Range(0, industries).Select(_ => Math.Pow(rng.NextDouble(), 3)).ToArray();
        var mean = size.Average();
        var cells = new List<(int R, int I, double Base)>();
        for (var r = 0; r < Regions; r++)
            for (var i = 0; i < industries; i++)
                if (rng.NextDouble() < Math.Min(1, size[r] / mean * prevalence[i] * 0.8)) cells.Add((r, i, Math.Exp(2.5 + 1.3 * Normal(rng)) * Math.Sqrt(size[r])));
        var n = cells.Count * 10;
        (regionOf, industryOf, yearOf, valueOf) = (new string[n], new string[n], new int[n], new double[n]);
        var k = 0;
        for (var y = 0; y < 10; y++)
            foreach (var (r, i, b) in cells)
            {
                (regionOf[k], industryOf[k], yearOf[k]) = (r.ToString("00000", CultureInfo.InvariantCulture), i.ToString("0000", CultureInfo.InvariantCulture), 2010 + y);
                valueOf[k++] = rng.NextDouble() < 0.02 ? double.NaN : Math.Round(b * Math.Exp(0.02 * y + 0.1 * Normal(rng)));
            }
        table = Import();
        csv = Path.Combine(Path.GetTempPath(), $"clusterhub-mapping-{Regions}.csv");
        using (var w = new StreamWriter(csv))
        {
            w.WriteLine("region,industry,year,emp");
            for (var j = 0; j < n; j++) w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{regionOf[j]},{industryOf[j]},{yearOf[j]},{(double.IsNaN(valueOf[j]) ? "s" : valueOf[j])}"));
        }
        Console.WriteLine($"// {Regions} regions × {industries} industries × 10 years: {n:N0} rows, {table.Values.Length:N0} cells");
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(csv);

    private static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    /// <summary>Rows into the engine: codes interned from text, cells summed into the dense table.</summary>
    [Benchmark]
    public RegionalTable Import()
    {
        var builder = new RegionalTableBuilder();
        for (var k = 0; k < regionOf.Length; k++) builder.Add(regionOf[k], industryOf[k], yearOf[k], valueOf[k]);
        return builder.Build();
    }

    [Benchmark] public double[] LocationQuotients() => LocationQuotient.Compute(table);

    [Benchmark] public ShiftShareResult ShiftShareFirstToLast() => ShiftShare.Compute(table, 0, table.YearCount - 1);

    /// <summary>The application's reader (exchange kit CSV, numbers parsed, codes interned) on the same rows as a file.</summary>
    [Benchmark]
    public RegionalRead ReadCsv()
    {
        using var reader = new StreamReader(csv);
        return RegionalFile.Read(reader, "bench.csv", new RegionalColumns("region", "industry", "emp", "year"));
    }

    /// <summary>The <c>map</c> verbs' fast path on the same file: bytes read whole, chunks parsed on every core (issue 11).</summary>
    [Benchmark]
    public RegionalData? ReadCsvFast() => RegionalFastCsv.TryRead(csv, new RegionalColumns("region", "industry", "emp", "year"));
}
