using System.Globalization;

namespace ClusterHub.Exchange;

/// <summary>
/// One problem in an exchanged file, located precisely enough to fix it in a spreadsheet: every reader
/// (members, networks, participations, the text decoder) reports its problems in this one shape.
/// <c>Row</c> is the line (CSV, text) or the 1-based position in a JSON array; <c>Column</c> the column's name as the
/// file spells it, or its 1-based position where there is no name.
/// </summary>
public sealed record LocatedError(string File, int Row, string Column, string? Value, string Reason)
{
    public LocatedError(string file, int row, int column, string? value, string reason)
        : this(file, row, column.ToString(CultureInfo.InvariantCulture), value, reason) { }

    public override string ToString() => $"{File}: row {Row}, column {Column}{(Value is null ? "" : $" ('{Value}')")}: {Reason}";
}

/// <summary>
/// A file refused whole at its first problem (a network, an undecodable upload). The message reads
/// "file: line L, column C: reason", the one line the CLI prints.
/// </summary>
public class MalformedFileException(LocatedError error)
    : Exception($"{error.File}: line {error.Row}, column {error.Column}: {error.Reason}")
{
    public LocatedError Error { get; } = error;
}

/// <summary>
/// The errors of one import: every one is counted, the first <see cref="Cap"/> are kept. An all-invalid
/// 20 MB file has some 175,000 of them; keeping them all held 700 MB and rendered a table nobody reads.
/// </summary>
public sealed class LocatedErrors
{
    public const int Cap = 1_000;
    private readonly List<LocatedError> first = [];

    /// <summary>How many errors were found, kept or not.</summary>
    public int Total { get; private set; }

    /// <summary>The first <see cref="Cap"/> errors in file order.</summary>
    public IReadOnlyList<LocatedError> First => first;

    public void Add(LocatedError error)
    {
        Total++;
        if (first.Count < Cap) first.Add(error);
    }
}
