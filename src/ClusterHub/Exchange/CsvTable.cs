namespace ClusterHub.Exchange;

/// <summary>
/// A small import file read whole through <see cref="CsvRows"/>: known columns by name (case-insensitive, any order),
/// an unknown or missing required column a located error of row 1, every row's cells by column name (restored from
/// the export's neutralising quote), with its line. For files checked in full before anything is written.
/// </summary>
public static class CsvTable
{
    public static List<(int Row, Dictionary<string, string?> Cells)> Read(TextReader reader, string file, string[] columns, string[] required, LocatedErrors errors)
    {
        var rows = new List<(int, Dictionary<string, string?>)>();
        try
        {
            using var csv = new CsvRows(reader, file);
            var header = csv.Header.Select(h => h.ToLowerInvariant()).ToArray();
            foreach (var unknown in header.Where(h => !columns.Contains(h)))
                errors.Add(new(file, 1, unknown, null, $"is not a known column (known: {string.Join(", ", columns)})"));
            foreach (var missing in required.Where(c => !header.Contains(c)))
                errors.Add(new(file, 1, missing, null, "required column is missing"));
            if (errors.Total > 0) return rows;
            var index = columns.ToDictionary(c => c, c => Array.IndexOf(header, c));
            while (csv.Read()) rows.Add((csv.Line, columns.ToDictionary(c => c, c => CsvCells.Restore(csv.Optional(index[c])))));
        }
        catch (MalformedFileException e) { errors.Add(e.Error); }
        return rows;
    }
}
