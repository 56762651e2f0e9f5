namespace ClusterHub.Analytics.Mapping;

/// <summary>
/// Codes (regions, industries, clusters) mapped once to dense ids 0..n−1 in order of first appearance. Codes are text and
/// compared ordinally: "01" and "1", "2A" and "2a" are different codes. A span looks a code up without allocating, so a
/// reader interns the cells of a million rows without a string each.
/// </summary>
public sealed class CodeIndex
{
    private readonly Dictionary<string, int> ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> spans;
    private readonly List<string> codes = [];

    public CodeIndex()
    {
        ids = new Dictionary<string, int>(StringComparer.Ordinal);
        spans = ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public CodeIndex(IEnumerable<string> codes) : this()
    {
        foreach (var code in codes) Intern(code);
    }

    public int Count => codes.Count;

    public IReadOnlyList<string> Codes => codes;

    public string this[int id] => codes[id];

    /// <summary>The code's id, added at the end when it is new.</summary>
    public int Intern(ReadOnlySpan<char> code)
    {
        if (spans.TryGetValue(code, out var id)) return id;
        id = codes.Count;
        var text = code.ToString();
        ids.Add(text, id);
        codes.Add(text);
        return id;
    }

    /// <summary>The code's id, or −1.</summary>
    public int IndexOf(ReadOnlySpan<char> code) => spans.TryGetValue(code, out var id) ? id : -1;
}
