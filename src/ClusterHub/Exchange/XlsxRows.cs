using System.Globalization;
using MiniExcelLibs;

namespace ClusterHub.Exchange;

/// <summary>
/// The first sheet of an xlsx workbook read as a table (MiniExcel streams it row by row; nothing is loaded whole).
/// Cells come back as the text a CSV of the sheet would hold: numbers in invariant notation, dates as ISO dates
/// (<c>2019-08-29</c>, with the time only when there is one), booleans as <c>true</c>/<c>false</c>. Row numbers are the
/// sheet's, so an error names the row the user sees in the spreadsheet.
/// </summary>
public sealed class XlsxRows : ITableRows
{
    private readonly IEnumerator<IDictionary<string, object?>> rows;
    private readonly Stream? owned;
    private readonly string file;
    private readonly string[] header;
    private string?[] current = [];
    private int row;

    private XlsxRows(Stream seekable, Stream? owned, string file)
    {
        (this.owned, this.file) = (owned, file);
        try { rows = seekable.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().GetEnumerator(); }
        catch (Exception e) when (e is not OperationCanceledException) { throw NotAWorkbook(e); }
        if (!Next()) throw new MalformedFileException(new LocatedError(file, 1, 1, null, "the sheet is empty"));
        var width = Array.FindLastIndex(current, c => c is not null) + 1;
        header = [.. current.Take(width).Select(c => c ?? "")];
        if (width == 0) throw new MalformedFileException(new LocatedError(file, 1, 1, null, "the first row names no column"));
    }

    /// <summary>Opens a workbook; a body that cannot seek (an HTTP request) is first copied to a temporary file, deleted on dispose.</summary>
    public static async Task<XlsxRows> OpenAsync(Stream bytes, string file, CancellationToken ct)
    {
        if (bytes.CanSeek) return new XlsxRows(bytes, null, file);
        var copy = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await bytes.CopyToAsync(copy, ct);
            copy.Position = 0;
            return new XlsxRows(copy, copy, file);
        }
        catch
        {
            await copy.DisposeAsync();
            throw;
        }
    }

    public IReadOnlyList<string> Header => header;

    public string File => file;

    public int Line => row;

    public bool Read()
    {
        while (Next())
        {
            if (current.All(c => c is null)) continue;                                    // a blank row
            if (current[0] is { } first && first.StartsWith('#') && current.Skip(1).All(c => c is null)) continue; // a note, as in CSV
            return true;
        }
        return false;
    }

    public string? Optional(int column) => column >= 0 && column < current.Length ? current[column] : null;

    private bool Next()
    {
        try
        {
            if (!rows.MoveNext()) return false;
        }
        catch (Exception e) when (e is not OperationCanceledException) { throw NotAWorkbook(e); }
        row++;
        current = [.. rows.Current.Values.Select(Text)];
        return true;
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()?.Trim() is { Length: > 0 } t ? t : null,
    };

    private MalformedFileException NotAWorkbook(Exception e) =>
        new(new LocatedError(file, Math.Max(row, 1), 1, null, $"is not a readable xlsx workbook ({e.Message})"));

    public void Dispose()
    {
        rows?.Dispose();
        owned?.Dispose();
    }
}
