using System.Globalization;
using System.Text.RegularExpressions;
using ClusterHub.Analytics.Mapping;
using ClusterHub.Exchange;

namespace ClusterHub.Mapping;

/// <summary>
/// Which columns of a regional statistics file hold what, by name. <paramref name="Value"/> may hold the placeholder
/// <c>{year}</c> for a wide file with one column per year (URSSAF's "Effectifs salariés 2006" … "Effectifs salariés 2022"):
/// every column the pattern matches is a year, and <paramref name="Year"/> is then not needed. <paramref name="Parent"/> names
/// the region's parent (commune → département): the base of a parent-region LQ.
/// </summary>
/// <paramref name="Name"/> names a column of the region's name (a commune's, a state's), kept for display.
public sealed record RegionalColumns(string Region, string Industry, string Value, string? Year = null, string? Parent = null, string? Name = null)
{
    public const string YearPlaceholder = "{year}";

    /// <summary>
    /// The years to read (a shift-share's two); null: every year. A row (or a wide file's column) of another year is
    /// skipped once its year is read, its other cells neither checked nor kept.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlySet<int>? OnlyYears { get; init; }

    public bool Wants(int year) => OnlyYears is null || OnlyYears.Contains(year);
}

/// <summary>
/// A regional file read: the table, the regions' parents when a parent column was named, the rows read, and the national
/// base of its LQs when the file brings its own (the US Cluster Mapping's traded/local shares of national totals).
/// </summary>
public sealed record RegionalData(RegionalTable Table, Grouping? Parents, int Rows, int MissingCells, LocationQuotientOptions? NationalBase = null)
{
    /// <summary>Each region's name by its id, when a name column was named (null where the file gave none).</summary>
    public IReadOnlyList<string?>? Names { get; init; }

    /// <summary>Every year of the file, ascending, when only some were read (<see cref="RegionalColumns.OnlyYears"/>); else null: the table's.</summary>
    public IReadOnlyList<int>? FileYears { get; init; }
}

/// <summary>The outcome of a read: the data, or every located error (the first 1,000 kept) and nothing else.</summary>
public sealed record RegionalRead(RegionalData? Data, LocatedErrors Errors)
{
    public bool Succeeded => Data is not null;
}

/// <summary>
/// Reads region × industry (× year) statistics from a table of the exchange kit (<see cref="ITableRows"/>: CSV through
/// <see cref="CsvRows"/>, cells as spans, or an xlsx sheet): codes stay
/// text as written (leading zeros, "2A", "07000"), suppressed or flagged cells are missing and never zero
/// (<see cref="IsMissingMarker"/>), and every bad cell is reported with its line, column, value and reason; a file with
/// any error gives no table.
/// </summary>
public static partial class RegionalFile
{
    /// <summary>
    /// Cells that publishers write for a value they do not give: empty, NA, n/a, the US Census flags (D) (S) (X) (NA),
    /// the "secret" of French and the s/c/x of Eurostat and INSEE, and dots and dashes.
    /// </summary>
    private static readonly HashSet<string> MissingMarkers = new(StringComparer.OrdinalIgnoreCase)
    {
        "NA", "N/A", "NaN", "(D)", "(S)", "(X)", "(NA)", "(Z)", "s", "c", "x", "secret", "confidential", ".", "..", "...", "-", "–", "—", "*", ":",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> MissingSpans = MissingMarkers.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsMissingMarker(ReadOnlySpan<char> cell) => cell.IsEmpty || MissingSpans.Contains(cell);

    /// <param name="reader">The CSV text.</param>
    /// <param name="file">Its name, for errors.</param>
    /// <param name="columns">Which columns hold what.</param>
    /// <param name="progress">Rows read so far, every 65,536.</param>
    /// <param name="also">Reads more of each good cell's row (a layout's own columns): the row, region, industry, year, value.</param>
    public static RegionalRead Read(TextReader reader, string file, RegionalColumns columns, IProgress<double>? progress = null,
        Action<ITableRows, int, int, int, double>? also = null)
    {
        using var rows = new CsvRows(reader, file);
        return Read(rows, columns, progress, also);
    }

    /// <summary>
    /// The same over any table of the exchange kit (an upload opened by <see cref="TableRows.OpenAsync"/>); the caller
    /// disposes it. <c>also</c> sees each good cell as above (the web notes the missing ones, which it stores as null).
    /// </summary>
    public static RegionalRead Read(ITableRows rows, RegionalColumns columns, IProgress<double>? progress = null,
        Action<ITableRows, int, int, int, double>? also = null)
    {
        var file = rows.File;
        var errors = new LocatedErrors();
        var (region, industry) = (rows.Column(columns.Region), rows.Column(columns.Industry));
        var parent = columns.Parent is null ? -1 : rows.Column(columns.Parent);
        var nameColumn = columns.Name is null ? -1 : rows.Column(columns.Name);
        var names = new List<string?>();
        var allValueColumns = ValueColumns(rows, file, columns);
        var valueColumns = allValueColumns.Where(v => v.Year is not { } y || columns.Wants(y)).ToList();
        // A wide file's years are in its header; a long file without a year column is one year (0).
        var year = allValueColumns[0].Year is not null || columns.Year is null ? -1 : rows.Column(columns.Year);
        var builder = new RegionalTableBuilder();
        var parents = new List<(string Parent, int Line)>();
        var (count, missing) = (0, 0);
        SortedSet<int>? fileYears = columns.OnlyYears is null ? null : [.. allValueColumns.Where(v => v.Year is not null).Select(v => v.Year!.Value)];
        while (rows.Read())
        {
            count++;
            var y = 0;
            if (year >= 0 && !TryYear(rows.Cell(year), out y))
                errors.Add(new LocatedError(file, rows.Line, columns.Year!, rows.Optional(year), "the year is not a whole number between 1800 and 2200"));
            else if (year >= 0 && fileYears is not null)
            {
                fileYears.Add(y);
                if (!columns.Wants(y)) continue;
            }
            // Cells are read as spans and codes interned from them: no string per row once a code is known.
            var r = rows.Cell(region);
            var i = rows.Cell(industry);
            if (r.IsEmpty) errors.Add(new LocatedError(file, rows.Line, columns.Region, null, $"{columns.Region} is empty"));
            if (i.IsEmpty) errors.Add(new LocatedError(file, rows.Line, columns.Industry, null, $"{columns.Industry} is empty"));
            if (r.IsEmpty || i.IsEmpty || valueColumns.Count == 0) continue;
            var regionId = builder.Regions.Intern(r);
            if (parent >= 0) CheckParent(rows, parent, columns.Parent!, file, errors, parents, regionId, r);
            if (nameColumn >= 0 && regionId == names.Count) names.Add(rows.Optional(nameColumn));
            var industryId = builder.Industries.Intern(i);
            foreach (var (column, name, columnYear) in valueColumns)
            {
                var cell = rows.Cell(column);
                if (!TryValue(cell, out var value))
                {
                    errors.Add(new LocatedError(file, rows.Line, name, cell.ToString(), "not a number, nor a mark of a suppressed value (empty, NA, (D), s, secret, …)"));
                    continue;
                }
                if (value < 0)
                {
                    errors.Add(new LocatedError(file, rows.Line, name, cell.ToString(), "a count cannot be negative"));
                    continue;
                }
                if (double.IsNaN(value)) missing++;
                builder.Add(regionId, industryId, columnYear ?? y, value);
                also?.Invoke(rows, regionId, industryId, columnYear ?? y, value);
            }
            if ((count & 0xFFFF) == 0) progress?.Report(count);
        }
        if (count == 0) errors.Add(new LocatedError(file, 2, columns.Region, null, "the file has no rows"));
        if (errors.Total > 0) return new RegionalRead(null, errors);
        var table = builder.Build();
        Grouping? grouping = null;
        if (parent >= 0)
        {
            var codes = new CodeIndex();
            grouping = new Grouping([.. parents.Select(p => codes.Intern(p.Parent))], codes);
        }
        return new RegionalRead(new RegionalData(table, grouping, count, missing) { Names = nameColumn >= 0 ? names : null, FileYears = fileYears?.ToList() }, errors);
    }

    /// <summary>Records a new region's parent, or checks a known region's against it.</summary>
    private static void CheckParent(ITableRows rows, int column, string name, string file, LocatedErrors errors, List<(string Parent, int Line)> parents, int regionId, ReadOnlySpan<char> region)
    {
        var value = rows.Cell(column);
        if (regionId == parents.Count)
        {
            if (value.IsEmpty) errors.Add(new LocatedError(file, rows.Line, name, null, $"region '{region}' has no parent"));
            parents.Add((value.ToString(), rows.Line));
        }
        else if (!value.IsEmpty && !value.SequenceEqual(parents[regionId].Parent))
            errors.Add(new LocatedError(file, rows.Line, name, value.ToString(), $"region '{region}' has parent '{parents[regionId].Parent}' on line {parents[regionId].Line}"));
    }

    /// <summary>The value columns: the one named, or every column the {year} pattern matches, with its year.</summary>
    internal static List<(int Column, string Name, int? Year)> ValueColumns(ITableRows rows, string file, RegionalColumns columns)
    {
        if (!columns.Value.Contains(RegionalColumns.YearPlaceholder, StringComparison.Ordinal)) return [(rows.Column(columns.Value), columns.Value, null)];
        var parts = columns.Value.Split(RegionalColumns.YearPlaceholder);
        var pattern = new Regex("^" + string.Join(@"(\d{4})", parts.Select(Regex.Escape)) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var found = new List<(int, string, int?)>();
        for (var c = 0; c < rows.Header.Count; c++)
            if (pattern.Match(rows.Header[c]) is { Success: true } m) found.Add((c, rows.Header[c], int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));
        return found.Count > 0 ? found : throw new MalformedFileException(new LocatedError(file, 1, columns.Value, null,
            $"no column matches '{columns.Value}' (columns: {string.Join(", ", rows.Header)})"));
    }

    private static bool TryYear(ReadOnlySpan<char> cell, out int year) =>
        int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 1800 and <= 2200;

    /// <summary>
    /// A number in the file's notation: "1234.5", "1e3", or as French and other European spreadsheets write it, "1 234,5"
    /// (spaces, non-breaking or narrow, group digits; a lone comma is the decimal mark); a missing marker gives NaN.
    /// </summary>
    public static bool TryValue(ReadOnlySpan<char> cell, out double value)
    {
        value = double.NaN;
        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value)) return true;
        value = double.NaN;
        if (IsMissingMarker(cell)) return true;
        var text = Spaces().Replace(cell.ToString(), "");
        if (text.Contains(',', StringComparison.Ordinal) && !text.Contains('.', StringComparison.Ordinal) && text.IndexOf(',') == text.LastIndexOf(','))
            text = text.Replace(',', '.');
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    [GeneratedRegex(@"[\s\u00A0\u202F]")]
    private static partial Regex Spaces();
}
