using System.CommandLine;
using System.Globalization;
using ClusterHub.Analytics.Mapping;
using ClusterHub.Cli;
using ClusterHub.Exchange;
using ClusterHub.Web;

namespace ClusterHub.Mapping;

/// <summary>
/// The <c>map</c> verbs over files, no database: <c>map lq</c>, <c>map shiftshare</c>, <c>map stars</c>. Each reads a
/// region × industry (× year) CSV by column names, optionally aggregates industries into clusters (<c>--definitions</c>),
/// and writes one row per known cell with the measure's columns, in the format of the output's extension.
/// </summary>
public static class MappingCommands
{
    private static readonly Argument<FileInfo> Input = new("file") { Description = "Regional statistics: CSV, one row per region × industry (× year), or one value column per year" };
    private static readonly Option<RegionalLayout> Layout = new("--layout")
    {
        DefaultValueFactory = _ => RegionalLayout.None,
        Description = "A published layout whose columns are known: Urssaf (commune × APE, one column per year, EPCI as parent) or Uscmp (US Cluster Mapping region × cluster, with its own national base)",
    };
    private static readonly Option<string?> Region = new("--region") { Description = "Column of the region's code (kept as text: 01, 2A)" };
    private static readonly Option<string?> Industry = new("--industry") { Description = "Column of the industry's code (NAICS, NAF/APE, NACE, a cluster)" };
    private static readonly Option<string?> Value = new("--value")
    {
        Description = "Column of the value (employment); with {year} in it, every matching column is a year: \"Effectifs salariés {year}\"",
    };
    private static readonly Option<string?> Year = new("--year") { Description = "Column of the year (absent: one year, or years in the value columns)" };
    private static readonly Option<string?> Parent = new("--parent") { Description = "Column of the region's parent (e.g. Code département), for --base parent" };
    private static readonly Option<MappingBase> Base = new("--base") { DefaultValueFactory = _ => MappingBase.National, Description = "National (every region of the file) or Parent (the region's parent)" };
    private static readonly Option<FileInfo?> Definitions = new("--definitions") { Description = "Cluster definitions CSV (industry code or prefix*, cluster): measures by cluster" };
    private static readonly Option<FileInfo?> Output = new("--output", "-o") { Description = "Output file; its extension picks the format (.csv .json .xlsx); default: CSV on standard output" };

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var lq = new Command("lq", "Location quotients, one row per region × industry (× year)") { Input, Layout, Region, Industry, Value, Year, Parent, Base, Definitions, Output };
        lq.SetAction((parse, ct) => Run(parse, stdout, stderr, "lq", data => MappingMeasures.LocationQuotients(data, parse.GetValue(Base)), ct));

        var from = new Option<int>("--from") { Required = true, Description = "Start year" };
        var to = new Option<int>("--to") { Required = true, Description = "End year" };
        var shiftShare = new Command("shiftshare", "Shift-share between two years: national growth, industry mix, regional shift") { Input, Layout, Region, Industry, Value, Year, Parent, Base, Definitions, from, to, Output };
        // Only the two years compared are read: a ten-year file is read in a fifth of the time.
        shiftShare.SetAction((parse, ct) => Run(parse, stdout, stderr, "shiftshare",
            data => MappingMeasures.ShiftShares(data, parse.GetValue(from), parse.GetValue(to), parse.GetValue(Base)), ct,
            new HashSet<int> { parse.GetValue(from), parse.GetValue(to) }));

        var stars = new Command("stars", "European Cluster Observatory stars (size, specialisation, focus) and US strong-cluster flags") { Input, Layout, Region, Industry, Value, Year, Parent, Base, Definitions, Output };
        stars.SetAction((parse, ct) => Run(parse, stdout, stderr, "stars", data => MappingMeasures.Stars(data, parse.GetValue(Base)), ct));
        return new Command("map", "Cluster mapping over files: location quotients, shift-share, stars") { lq, shiftShare, stars };
    }

    private static async Task<int> Run(ParseResult parse, TextWriter stdout, TextWriter stderr, string name,
        Func<RegionalData, (IEnumerable<int> Cells, IReadOnlyList<MeasureColumn> Columns)> measure, CancellationToken ct, IReadOnlySet<int>? onlyYears = null)
    {
        var target = parse.GetValue(Output);
        var format = target is null ? FileFormat.Csv : Export.ParseFormat(Path.GetExtension(target.Name).TrimStart('.'))
            ?? throw new CliException($"{target.Name}: the output's extension picks its format: .csv, .json or .xlsx");
        RegionalData data;
        (IEnumerable<int> Cells, IReadOnlyList<MeasureColumn> Columns) result;
        using (var bar = ProgressBar.For(stderr))
        {
            data = Read(parse, bar, stdout, onlyYears);
            if (parse.GetValue(Definitions) is { } definitions)
            {
                var definition = ReadFile(definitions, bar, ClusterDefinitionFile.Read);
                data = data with { Table = definition.Aggregate(data.Table) };
            }
            bar.Report(new WorkProgress(name, 0.5));
            result = measure(data);
        }
        var columns = Columns(parse);
        var withYear = columns.Year is not null || columns.Value.Contains(RegionalColumns.YearPlaceholder, StringComparison.Ordinal);
        var table = MappingMeasures.Table(name, data.Table, withYear, result.Columns);
        await using Stream stream = target is null ? new TextWriterStream(stdout) : new FileStream(target.FullName, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        if (format == FileFormat.Csv) await MappingMeasures.WriteCsvAsync(stream, name, data.Table, withYear, result.Columns, result.Cells, ct);
        else await Export.WriteAsync(stream, table, result.Cells.ToAsyncEnumerable(), format, ct);
        return 0;
    }

    /// <summary>The input, or its located errors listed on standard output (as <c>import members</c> does) and one line on stderr.</summary>
    private static RegionalData Read(ParseResult parse, ProgressBar bar, TextWriter stdout, IReadOnlySet<int>? onlyYears)
    {
        var (layout, columns) = (parse.GetValue(Layout), Columns(parse) with { OnlyYears = onlyYears });
        var file = parse.GetValue(Input)!;
        // The plain case (UTF-8, no quoted cell among those read, every cell good) on every core; anything else the general
        // way, which locates errors.
        if (layout == RegionalLayout.None && RegionalFastCsv.TryRead(file.FullName, columns) is { } fast) return fast;
        var read = ReadFile(file, bar, (reader, name) => layout == RegionalLayout.None ? RegionalFile.Read(reader, name, columns) : RegionalLayouts.Read(reader, name, layout, onlyYears));
        if (read.Data is { } data) return data;
        foreach (var e in read.Errors.First) stdout.WriteLine(e.ToString());
        var shown = read.Errors.Total > read.Errors.First.Count ? $" (the first {read.Errors.First.Count} listed)" : "";
        throw new CliException(string.Create(CultureInfo.InvariantCulture, $"{file.Name}: {read.Errors.Total} error(s){shown}; first: {read.Errors.First[0]}"));
    }

    /// <summary>The columns a layout names, or those given: --region, --industry and --value are needed without a layout.</summary>
    private static RegionalColumns Columns(ParseResult parse)
    {
        if (parse.GetValue(Layout) is var layout and not RegionalLayout.None) return RegionalLayouts.Columns(layout);
        if (parse.GetValue(Region) is not { } region || parse.GetValue(Industry) is not { } industry || parse.GetValue(Value) is not { } value)
            throw new CliException("name the columns with --region, --industry and --value, or give a --layout (Urssaf, Uscmp)");
        return new RegionalColumns(region, industry, value, parse.GetValue(Year), parse.GetValue(Parent));
    }

    /// <summary>Opens a file through the exchange kit's decoder; a missing, malformed or undecodable file is one line on stderr.</summary>
    private static T ReadFile<T>(FileInfo file, ProgressBar bar, Func<TextReader, string, T> read)
    {
        if (!file.Exists) throw new CliException($"{file.FullName}: file not found");
        bar.Report(new WorkProgress($"reading {file.Name}", 0));
        try
        {
            using var text = DecodedText.OpenFile(file.FullName, file.Name);
            using var reader = text.OpenReader();
            return read(reader, file.Name);
        }
        catch (MalformedFileException e) { throw new CliException(e.Message); }
    }
}
