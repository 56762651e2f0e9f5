namespace ClusterHub.Exchange;

public enum FileFormat { Csv, Json, Xlsx }

/// <summary>
/// One column of an export. <paramref name="Value"/> gives text (a string) or a number (int, long, decimal, double):
/// numbers are typed cells in xlsx and are never quoted in CSV; <paramref name="Numeric"/> declares a text column
/// whose plain numbers may stay unquoted (see <see cref="CsvCells"/>).
/// </summary>
public sealed record ExportColumn<T>(string Name, Func<T, object?> Value, bool Numeric = false);

/// <summary>
/// What an export writes, in every format: flat columns for CSV and xlsx, and for JSON one object per item,
/// by default the columns by name (a feature may nest, as members do their contacts).
/// <c>Name</c> is the download's stem and the worksheet's name, e.g. "members".
/// </summary>
public sealed record ExportTable<T>(string Name, IReadOnlyList<ExportColumn<T>> Columns, Func<T, object>? JsonItem = null)
{
    public object Json(T item) => JsonItem?.Invoke(item) ?? Columns.ToDictionary(c => c.Name, c => c.Value(item));
}
