using System.Buffers;

namespace ClusterHub.Exchange;

/// <summary>
/// A CSV read row by row, for every CSV reader (members, edge lists, participations, regional statistics): delimiter
/// detected from the header (',' ';' tab or '|', the most frequent outside quotes: French spreadsheets save with ';'),
/// columns found by name (case and surrounding spaces ignored), cells trimmed, blank lines skipped, and a malformed file
/// (a quoted field never closed) refused with a <see cref="MalformedFileException"/> naming its line.
/// A row whose first cell starts with '#' and whose other cells are empty is a note, skipped: the import templates list
/// the valid values so, and the template imports as it is.
/// </summary>
/// <remarks>
/// RFC 4180 with a lenient reading of stray quotes (a quote inside an unquoted cell, or text after a closing quote, is
/// kept as written). The scanner is hand-written over a 64 KB block: unquoted cells, nearly all of them, are found with a
/// vectorised search for the next delimiter or line end, and a reader may take a cell as a span (<see cref="Cell"/>)
/// without a string per cell; 4 million rows of regional statistics read in about a second where CsvHelper's reader
/// took five (docs/performance.md).
/// </remarks>
public sealed class CsvRows : ITableRows
{
    private static readonly char[] Delimiters = [',', ';', '\t', '|'];
    private readonly TextReader reader;
    private readonly string file;
    private readonly string[] header;
    private readonly char delimiter;
    private readonly SearchValues<char> stops;
    private char[] block = new char[1 << 16];
    private int position, filled;
    private bool exhausted;
    private char[] chars = new char[256];
    private int length;
    private (int Start, int Length)[] fields = new (int, int)[16];
    private int count;
    private int nextLine = 1;

    public CsvRows(TextReader reader, string file)
    {
        this.reader = reader;
        this.file = file;
        delimiter = DetectDelimiter();
        stops = SearchValues.Create([delimiter, '\r', '\n']);
        if (!Next()) throw new MalformedFileException(new LocatedError(file, 1, 1, null, "the file is empty"));
        header = new string[count];
        for (var c = 0; c < count; c++) header[c] = Cell(c).ToString();
        if (header.Length > 0 && header[0].StartsWith('\uFEFF')) header[0] = header[0][1..].Trim();
    }

    public string File => file;

    /// <summary>The delimiter detected from the header.</summary>
    internal char Delimiter => delimiter;

    /// <summary>The column names, trimmed, in file order.</summary>
    public IReadOnlyList<string> Header => header;

    /// <summary>The line the row last read starts on.</summary>
    public int Line { get; private set; }

    /// <summary>The column's index; −1 for a missing optional one.</summary>
    public int Column(string name, bool required = true)
    {
        var i = Array.FindIndex(header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        return i >= 0 || !required ? i : throw new MalformedFileException(new LocatedError(file, 1, 1, null, $"no column '{name}' (columns: {string.Join(", ", header)})"));
    }

    /// <summary>Moves to the next row that is not a note; false at the end.</summary>
    public bool Read()
    {
        while (Next())
            if (!IsNote()) return true;
        return false;
    }

    /// <summary>The trimmed cell, or null when it is empty or missing.</summary>
    public string? Optional(int column)
    {
        var cell = Cell(column);
        return cell.IsEmpty ? null : cell.ToString();
    }

    public string Required(int column) => Optional(column) ?? throw new MalformedFileException(new LocatedError(file, Line, column + 1, null, $"{header[column]} is empty"));

    /// <summary>The trimmed cell as a span, valid until the next <see cref="Read"/>; empty when it is empty or missing.</summary>
    public ReadOnlySpan<char> Cell(int column) =>
        column >= 0 && column < count ? chars.AsSpan(fields[column].Start, fields[column].Length).Trim() : default;

    /// <summary>The number of cells of the row last read.</summary>
    public int Count => count;

    /// <summary>Reads the next record (blank lines skipped) into <see cref="chars"/> and <see cref="fields"/>.</summary>
    private bool Next()
    {
        while (true)
        {
            if (!Fill()) return false;
            Line = nextLine;
            (count, length) = (0, 0);
            var ended = false;
            while (!ended)
            {
                var start = length;
                if (Peek() == '"')
                {
                    position++;
                    ReadQuoted();
                }
                ReadUnquoted();
                Add(start);
                // The cell ends at a delimiter (another cell follows), a line end or the end of the text.
                if (!Fill()) break;
                var c = block[position++];
                if (c == delimiter) continue;
                if (c == '\r' && Fill() && block[position] == '\n') position++;
                nextLine++;
                ended = true;
            }
            if (count > 1 || fields[0].Length > 0) return true;
        }
    }

    /// <summary>Cell text up to the next delimiter or line end, as written (quotes included).</summary>
    private void ReadUnquoted()
    {
        while (Fill())
        {
            var rest = block.AsSpan(position, filled - position);
            var stop = rest.IndexOfAny(stops);
            Append(stop < 0 ? rest : rest[..stop]);
            if (stop >= 0)
            {
                position += stop;
                return;
            }
            position = filled;
        }
    }

    /// <summary>A quoted cell's text after its opening quote, up to its closing quote, with "" read as one quote.</summary>
    private void ReadQuoted()
    {
        var opened = nextLine;
        while (true)
        {
            if (!Fill()) throw new MalformedFileException(new LocatedError(file, opened, count + 1, null, "the CSV cannot be read: a quoted cell is never closed"));
            var rest = block.AsSpan(position, filled - position);
            var quote = rest.IndexOf('"');
            var text = quote < 0 ? rest : rest[..quote];
            nextLine += text.Count('\n');
            Append(text);
            position += text.Length;
            if (quote < 0) continue;
            position++;
            if (Fill() && block[position] == '"')
            {
                Append("\"");
                position++;
                continue;
            }
            return;
        }
    }

    private char Peek() => Fill() ? block[position] : '\0';

    /// <summary>Whether a character is there to read, reading the next block when the last is used up.</summary>
    private bool Fill()
    {
        if (position < filled) return true;
        if (exhausted) return false;
        filled = reader.ReadBlock(block, 0, block.Length);
        position = 0;
        exhausted = filled < block.Length;
        return filled > 0;
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (length + text.Length > chars.Length) Array.Resize(ref chars, Math.Max(chars.Length * 2, length + text.Length));
        text.CopyTo(chars.AsSpan(length));
        length += text.Length;
    }

    private void Add(int start)
    {
        if (count == fields.Length) Array.Resize(ref fields, count * 2);
        fields[count++] = (start, length - start);
    }

    /// <summary>The delimiter that occurs most often outside quotes in the first line; ',' when none does.</summary>
    private char DetectDelimiter()
    {
        Fill();
        var (best, most) = (',', 0);
        foreach (var candidate in Delimiters)
        {
            var (n, quoted) = (0, false);
            for (var k = 0; k < filled && (quoted || (block[k] != '\n' && block[k] != '\r')); k++)
            {
                if (block[k] == '"') quoted = !quoted;
                else if (!quoted && block[k] == candidate) n++;
            }
            if (n > most) (best, most) = (candidate, n);
        }
        return best;
    }

    private bool IsNote()
    {
        if (!Cell(0).StartsWith('#')) return false;
        for (var i = 1; i < count; i++)
            if (!Cell(i).IsWhiteSpace()) return false;
        return true;
    }

    public void Dispose() => reader.Dispose();
}
