using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using ClusterHub.Analytics.Mapping;
using ClusterHub.Exchange;

namespace ClusterHub.Mapping;

/// <summary>
/// The <c>map</c> verbs' fast path for a regional CSV, written for speed: issue 11 asks for 5× pandas end to end on a
/// 4-million-row table, and reading it through <see cref="CsvRows"/> (one core, a character decode of the whole file, a
/// general CSV state machine) was most of the run. Here the file's bytes are read whole (76 MB for 4 M rows), cut at line
/// ends into chunks parsed on every core, and of each row only the needed columns are looked at: codes interned per chunk
/// (ids merged afterwards in file order, so they are the ids <see cref="RegionalFile.Read(TextReader, string, RegionalColumns, IProgress{double}?, Action{ITableRows, int, int, int, double}?)"/>
/// gives), plain integers parsed by hand, other numbers by the runtime's UTF-8 parser, cells summed in file order.
/// </summary>
/// <remarks>
/// It takes only the plain case: UTF-8 (or ASCII) text without a NUL, a note row, a quoted cell among those it reads or
/// one running over a line end, or a UTF-8 whitespace other than ASCII's; no parent or name column, and every cell good. Anything else gives null and the caller reads the file through
/// the exchange kit (<see cref="RegionalFile"/>), which handles every encoding and quoting and lists located errors; so
/// the fast path never decides what a file means, and its table is the same to the last bit (the tests compare both).
/// </remarks>
internal static class RegionalFastCsv
{
    private const int MinimumChunk = 1 << 20;
    /// <summary>The years a cell may hold, as the general reader's: <see cref="FirstYear"/> and the <see cref="YearSpan"/> − 1 after it.</summary>
    private const int FirstYear = 1800, YearSpan = 401;
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The table, or null when the file is not the plain case (the caller then reads it the general way).</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="columns">Which columns hold what, as for <see cref="RegionalFile"/>.</param>
    /// <param name="minimumChunk">The smallest chunk in bytes (tests cut a small file into many).</param>
    public static RegionalData? TryRead(string path, RegionalColumns columns, int minimumChunk = MinimumChunk)
    {
        if (columns.Parent is not null || columns.Name is not null) return null;
        var info = new FileInfo(path);
        if (!info.Exists || info.Length > 1L << 30) return null;
        var bytes = File.ReadAllBytes(path);
        var text = bytes.AsSpan();
        if (text.StartsWith(Bom)) text = text[Bom.Length..];
        // A NUL (UTF-16) or non-UTF-8 bytes (Windows-1252): the exchange kit's reader decides.
        if (text.IndexOf((byte)0) >= 0 || !System.Text.Unicode.Utf8.IsValid(text)) return null;
        var headerEnd = text.IndexOf((byte)'\n');
        if (headerEnd <= 0) return null;
        // A header with a carriage return inside it (a line end to CsvRows), or an odd number of quotes (CsvRows then
        // looks past the line for its delimiter): the general reader decides.
        var headerLine = text[..headerEnd];
        if (headerLine.TrimEnd((byte)'\r').IndexOf((byte)'\r') >= 0 || headerLine.Count((byte)'"') % 2 != 0) return null;
        Layout layout;
        try
        {
            // The header through the exchange kit's reader: the same delimiter and the same columns by name.
            using var header = new CsvRows(new StringReader(Encoding.UTF8.GetString(headerLine).TrimEnd('\r')), info.Name);
            var (region, industry) = (header.Column(columns.Region), header.Column(columns.Industry));
            var all = RegionalFile.ValueColumns(header, info.Name, columns);
            var year = all[0].Year is not null || columns.Year is null ? -1 : header.Column(columns.Year);
            var values = all.Where(v => v.Year is not { } y || columns.Wants(y)).ToList();
            if (values.Count == 0) return null; // no wanted year: the general reader's table says so
            layout = new Layout((byte)header.Delimiter, region, industry, year, [.. values.Select(v => v.Column)], [.. values.Select(v => v.Year ?? 0)], columns.OnlyYears,
                [.. all.Where(v => v.Year is not null).Select(v => v.Year!.Value)]);
        }
        catch (MalformedFileException) { return null; } // a missing column: the general reader names it

        var offset = (bytes.Length - text.Length) + headerEnd + 1;
        var bounds = Chunks(bytes, offset, minimumChunk);
        var chunks = new Chunk?[bounds.Count];
        Parallel.For(0, bounds.Count, c => chunks[c] = Parse(bytes.AsSpan(bounds[c].Start, bounds[c].Length), layout));
        if (chunks.Any(c => c is null) || chunks.Sum(c => c!.Rows) == 0) return null;
        var data = Merge(chunks!);
        if (columns.OnlyYears is null) return data;
        var fileYears = new SortedSet<int>(layout.HeaderYears);
        for (var y = 0; y < YearSpan; y++)
            if (chunks.Any(c => c!.Seen[y])) fileYears.Add(FirstYear + y);
        return data with { FileYears = [.. fileYears] };
    }

    private sealed record Layout(byte Delimiter, int Region, int Industry, int Year, int[] ValueColumns, int[] ValueYears, IReadOnlySet<int>? OnlyYears, int[] HeaderYears)
    {
        public int LastColumn { get; } = Math.Max(Math.Max(Region, Industry), Math.Max(Year, ValueColumns.Max()));

        /// <summary>The columns read.</summary>
        public int[] Needed { get; } = [Region, Industry, Year, .. ValueColumns];

        /// <summary>The years a row may have that are read, by year − <see cref="FirstYear"/>; null: all.</summary>
        public bool[]? Wanted { get; } = OnlyYears is null ? null : [.. Enumerable.Range(FirstYear, YearSpan).Select(OnlyYears.Contains)];
    }

    /// <summary>A chunk's cells by its own code ids, in its row order.</summary>
    private sealed class Chunk
    {
        public readonly CodeIndex Regions = new(), Industries = new();
        /// <summary>Codes of up to seven bytes (nearly all: FIPS, INSEE, NAICS, NAF) by their bytes packed in a long: no decoding, no string hash.</summary>
        public readonly Dictionary<ulong, int> ShortRegions = [], ShortIndustries = [];
        /// <summary>The years of the chunk's rows, read or not, by year − <see cref="FirstYear"/>.</summary>
        public readonly bool[] Seen = new bool[YearSpan];
        public int[] Region = new int[1 << 14], Industry = new int[1 << 14], Year = new int[1 << 14];
        public double[] Value = new double[1 << 14];
        public int Count, Rows, Missing;

        public void Add(int region, int industry, int year, double value)
        {
            if (Count == Region.Length)
            {
                Array.Resize(ref Region, Count * 2);
                Array.Resize(ref Industry, Count * 2);
                Array.Resize(ref Year, Count * 2);
                Array.Resize(ref Value, Count * 2);
            }
            (Region[Count], Industry[Count], Year[Count], Value[Count]) = (region, industry, year, value);
            Count++;
        }
    }

    /// <summary>Line-aligned slices of the data after the header, about four per core, none under a megabyte.</summary>
    private static List<(int Start, int Length)> Chunks(byte[] bytes, int offset, int minimumChunk)
    {
        var size = Math.Max(minimumChunk, (bytes.Length - offset) / (Environment.ProcessorCount * 4) + 1);
        var bounds = new List<(int, int)>();
        for (var start = offset; start < bytes.Length;)
        {
            var end = Math.Min(bytes.Length, start + size);
            if (end < bytes.Length)
            {
                var newline = bytes.AsSpan(end).IndexOf((byte)'\n');
                end = newline < 0 ? bytes.Length : end + newline + 1;
            }
            bounds.Add((start, end - start));
            start = end;
        }
        return bounds;
    }

    /// <summary>A chunk's rows, or null at the first row the fast path does not take.</summary>
    // Fully optimised from the start: a loop run once over millions of rows would spend much of its time in tier-0 code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Chunk? Parse(ReadOnlySpan<byte> text, Layout layout)
    {
        var chunk = new Chunk();
        var starts = new int[layout.LastColumn + 2];
        Span<char> chars = stackalloc char[128];
        // Rows come grouped (a region's industries, a year's regions): the last code's bytes and id are kept to skip
        // most lookups.
        ReadOnlySpan<byte> lastRegion = default, lastIndustry = default;
        var (lastRegionId, lastIndustryId) = (-1, -1);
        while (!text.IsEmpty)
        {
            var end = text.IndexOf((byte)'\n');
            var line = end < 0 ? text : text[..end];
            text = end < 0 ? default : text[(end + 1)..];
            if (line.EndsWith((byte)'\r')) line = line[..^1];
            if (line.IsEmpty) continue; // a blank line, as CsvRows skips it
            // A lone carriage return (a line end to CsvRows), maybe a note row ('#'), or a first cell that starts with a
            // byte that may decode to whitespace: the general reader decides.
            if (line.IndexOf((byte)'\r') >= 0 || line.TrimStart(" \t\v\f"u8) is var lead && (lead.IsEmpty || lead[0] == (byte)'#' || lead[0] >= 0x80)) return null;
            // A quoted cell (a name with the delimiter in it) must close on its line: one that does not may hold a line
            // end, and a line of the file is then not a row.
            var quoted = line.IndexOf((byte)'"') >= 0;
            if (quoted && !QuotesClose(line, layout.Delimiter)) return null;
            // The starts of the cells up to the last needed one; starts[c + 1] − 1 is where cell c ends.
            var found = 1;
            starts[0] = 0;
            for (var at = 0; found <= layout.LastColumn + 1;)
            {
                if (quoted && at < line.Length && line[at] == (byte)'"') at = AfterQuoted(line, at);
                var next = line[at..].IndexOf(layout.Delimiter);
                if (next < 0) break;
                at += next + 1;
                starts[found++] = at;
            }
            if (found <= layout.LastColumn) return null; // too few cells: an error to locate
            if (found == layout.LastColumn + 1) starts[found] = line.Length + 1;
            // A needed cell quoted: the general reader unquotes it.
            if (quoted)
                foreach (var c in layout.Needed)
                    if (c >= 0 && starts[c] < line.Length && line[starts[c]] == (byte)'"') return null;
            static ReadOnlySpan<byte> Cell(ReadOnlySpan<byte> row, int[] s, int c) => Trim(row[s[c]..(s[c + 1] - 1)]);

            chunk.Rows++;
            var y = 0;
            if (layout.Year >= 0 && !TryYear(Cell(line, starts, layout.Year), out y)) return null;
            if (layout.Year >= 0 && layout.Wanted is { } wanted)
            {
                chunk.Seen[y - FirstYear] = true;
                if (!wanted[y - FirstYear]) continue;
            }
            var r = Cell(line, starts, layout.Region);
            var i = Cell(line, starts, layout.Industry);
            if (r.IsEmpty || i.IsEmpty || r.Length > chars.Length || i.Length > chars.Length) return null;
            if (!r.SequenceEqual(lastRegion))
            {
                if ((lastRegionId = Intern(chunk.Regions, chunk.ShortRegions, r, chars)) < 0) return null;
                lastRegion = r;
            }
            if (!i.SequenceEqual(lastIndustry))
            {
                if ((lastIndustryId = Intern(chunk.Industries, chunk.ShortIndustries, i, chars)) < 0) return null;
                lastIndustry = i;
            }
            for (var v = 0; v < layout.ValueColumns.Length; v++)
            {
                if (!TryValue(Cell(line, starts, layout.ValueColumns[v]), chars, out var value)) return null;
                if (double.IsNaN(value)) chunk.Missing++;
                chunk.Add(lastRegionId, lastIndustryId, layout.Year >= 0 ? y : layout.ValueYears[v], value);
            }
        }
        return chunk;
    }

    /// <summary>
    /// Where a quoted cell's closing quote ends, "" being a quote inside it; −1 when it does not close on the line. As
    /// <see cref="CsvRows"/> reads it, the cell then runs on to the next delimiter, and a quote elsewhere than at a cell's
    /// start is text.
    /// </summary>
    private static int AfterQuoted(ReadOnlySpan<byte> line, int open)
    {
        for (var at = open + 1; ;)
        {
            var quote = line[at..].IndexOf((byte)'"');
            if (quote < 0) return -1;
            at += quote + 1;
            if (at < line.Length && line[at] == (byte)'"') at++;
            else return at;
        }
    }

    /// <summary>Whether every quoted cell of the line closes on it.</summary>
    private static bool QuotesClose(ReadOnlySpan<byte> line, byte delimiter)
    {
        for (var at = 0; ;)
        {
            if (at < line.Length && line[at] == (byte)'"' && (at = AfterQuoted(line, at)) < 0) return false;
            var next = line[at..].IndexOf(delimiter);
            if (next < 0) return true;
            at += next + 1;
        }
    }

    /// <summary>A code trimmed as <see cref="CsvRows"/> trims it (any Unicode whitespace) and interned; −1 when nothing is left.</summary>
    private static int Intern(CodeIndex codes, Dictionary<ulong, int> shortCodes, ReadOnlySpan<byte> cell, Span<char> chars)
    {
        // The same bytes are always the same code, so a short cell's bytes (and its length, in the top byte) find its id.
        ulong key = 0;
        if (cell.Length <= 7)
        {
            key = (ulong)cell.Length << 56;
            for (var k = 0; k < cell.Length; k++) key |= (ulong)cell[k] << (8 * k);
            if (shortCodes.TryGetValue(key, out var known)) return known;
        }
        var code = chars[..Encoding.UTF8.GetChars(cell, chars)].Trim();
        if (code.IsEmpty) return -1;
        var id = codes.Intern(code);
        if (cell.Length <= 7) shortCodes[key] = id;
        return id;
    }

    /// <summary>
    /// ASCII spaces and tabs trimmed; a cell that starts or ends with another byte that may be whitespace once decoded
    /// (a non-breaking space is C2 A0) is returned untrimmed with a high byte at its edge, which the callers refuse.
    /// </summary>
    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> cell) => cell.Trim(" \t\v\f"u8);

    private static bool TryYear(ReadOnlySpan<byte> cell, out int year)
    {
        year = 0;
        if (cell.IsEmpty || cell.Length > 9) return false;
        foreach (var b in cell)
        {
            if ((uint)(b - '0') > 9) return false;
            year = year * 10 + (b - '0');
        }
        return year >= FirstYear && year < FirstYear + YearSpan;
    }

    /// <summary>
    /// A value as <see cref="RegionalFile.TryValue"/> reads it, restricted to what it reads without a doubt: digits (by hand,
    /// exact up to 15 digits), any other invariant number, or a missing marker (NaN). Anything else (a grouped "1 234,5",
    /// a negative count, a bad cell) is false: the general reader takes the file.
    /// </summary>
    private static bool TryValue(ReadOnlySpan<byte> cell, Span<char> chars, out double value)
    {
        value = double.NaN;
        if (cell.IsEmpty) return true;
        if (cell.Length <= 15)
        {
            long whole = 0;
            var digits = true;
            foreach (var b in cell)
            {
                if ((uint)(b - '0') > 9) { digits = false; break; }
                whole = whole * 10 + (b - '0');
            }
            if (digits)
            {
                value = whole;
                return true;
            }
        }
        if (cell[0] >= 0x80 || cell[^1] >= 0x80) return false;
        // A negative count is an error to locate (−0 is not negative, as for the general reader).
        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value)) return value >= 0;
        value = double.NaN;
        return cell.Length <= chars.Length && RegionalFile.IsMissingMarker(chars[..Encoding.UTF8.GetChars(cell, chars)]);
    }

    /// <summary>Global code ids in order of first appearance (chunk by chunk), then the dense table, cells summed in file order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static RegionalData Merge(Chunk[] chunks)
    {
        var (regions, industries) = (new CodeIndex(), new CodeIndex());
        var regionIds = new int[chunks.Length][];
        var industryIds = new int[chunks.Length][];
        var years = new SortedSet<int>();
        var (rows, missing, cells) = (0, 0, 0);
        for (var c = 0; c < chunks.Length; c++)
        {
            var chunk = chunks[c];
            regionIds[c] = [.. chunk.Regions.Codes.Select(code => regions.Intern(code))];
            industryIds[c] = [.. chunk.Industries.Codes.Select(code => industries.Intern(code))];
            for (var k = 0; k < chunk.Count; k++)
                if (k == 0 || chunk.Year[k] != chunk.Year[k - 1]) years.Add(chunk.Year[k]);
            (rows, missing, cells) = (rows + chunk.Rows, missing + chunk.Missing, cells + chunk.Count);
        }
        int[] yearList = years.Count == 0 ? [0] : [.. years];
        var yearIndex = new Dictionary<int, int>();
        for (var y = 0; y < yearList.Length; y++) yearIndex[yearList[y]] = y;
        var (regionCount, industryCount) = (regions.Count, industries.Count);
        // Hundreds of megabytes: filled on every core, without the runtime's zeroing first.
        var values = GC.AllocateUninitializedArray<double>(checked(yearList.Length * regionCount * industryCount));
        var slice = values.Length / (Environment.ProcessorCount * 4) + 1;
        Parallel.For(0, (values.Length + slice - 1) / slice, s => values.AsSpan(s * slice, Math.Min(slice, values.Length - s * slice)).Fill(double.NaN));
        for (var c = 0; c < chunks.Length; c++)
        {
            var (chunk, rid, iid) = (chunks[c], regionIds[c], industryIds[c]);
            var (lastYear, y) = (int.MinValue, 0);
            for (var k = 0; k < chunk.Count; k++)
            {
                var v = chunk.Value[k];
                if (double.IsNaN(v)) continue;
                if (chunk.Year[k] != lastYear) (lastYear, y) = (chunk.Year[k], yearIndex[chunk.Year[k]]);
                ref var cell = ref values[((long)y * regionCount + rid[chunk.Region[k]]) * industryCount + iid[chunk.Industry[k]]];
                cell = double.IsNaN(cell) ? v : cell + v;
            }
        }
        return new RegionalData(new RegionalTable(regions, industries, yearList, values), null, rows, missing);
    }
}
