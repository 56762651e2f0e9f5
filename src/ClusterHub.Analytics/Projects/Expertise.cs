using System.Diagnostics;

namespace ClusterHub.Analytics.Projects;

/// <summary>A tag of expertise (a strategic area now, a competence later) with its weight, ≥ 0.</summary>
public readonly record struct WeightedTag(string Tag, double Weight);

/// <summary>A tag a reviewer and a proposal share, and what it adds to their match (the product of the two weights).</summary>
public readonly record struct MatchedTag(string Tag, double ReviewerWeight, double ProposalWeight)
{
    public double Contribution => ReviewerWeight * ProposalWeight;
}

/// <summary>
/// Reviewers' and proposals' tags over one vocabulary, and the match between them: the dot product of the two weighted
/// tag vectors, Σ over shared tags of reviewer weight × proposal weight (0 when they share none).
/// </summary>
/// <remarks>
/// Tags get dense ids at the edge; each profile is a sparse vector stored CSR-style, sorted by tag id with repeats summed:
/// <code>
/// start[x] .. start[x+1]   profile x's tags: tag[i] (ascending), weight[i] (> 0)
/// </code>
/// so a match is a merge of two short sorted lists, with no allocation.
/// </remarks>
public sealed class Expertise
{
    private readonly string[] tags;
    private readonly Profiles reviewers, proposals;

    private Expertise(string[] tags, Profiles reviewers, Profiles proposals) => (this.tags, this.reviewers, this.proposals) = (tags, reviewers, proposals);

    public int ReviewerCount => reviewers.Count;
    public int ProposalCount => proposals.Count;

    /// <summary>Builds the profiles; a negative, infinite or NaN weight is refused.</summary>
    public static Expertise Build(IReadOnlyList<IReadOnlyList<WeightedTag>> reviewers, IReadOnlyList<IReadOnlyList<WeightedTag>> proposals)
    {
        ArgumentNullException.ThrowIfNull(reviewers);
        ArgumentNullException.ThrowIfNull(proposals);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var r = Profiles.Build(reviewers, ids, names, nameof(reviewers));
        var p = Profiles.Build(proposals, ids, names, nameof(proposals));
        return new Expertise([.. names], r, p);
    }

    /// <summary>The match of a reviewer and a proposal.</summary>
    public double Score(int reviewer, int proposal)
    {
        var score = 0.0;
        foreach (var (_, r, p) in Shared(reviewer, proposal)) score += r * p;
        return score;
    }

    /// <summary>Why the pair matches: the shared tags, largest contribution first (then by tag).</summary>
    public IReadOnlyList<MatchedTag> Explain(int reviewer, int proposal)
    {
        var found = new List<MatchedTag>();
        foreach (var (tag, r, p) in Shared(reviewer, proposal)) found.Add(new MatchedTag(tags[tag], r, p));
        found.Sort((x, y) => x.Contribution != y.Contribution ? y.Contribution.CompareTo(x.Contribution) : string.CompareOrdinal(x.Tag, y.Tag));
        return found;
    }

    private SharedTags Shared(int reviewer, int proposal) => new(reviewers, reviewers.Range(reviewer), proposals, proposals.Range(proposal));

    /// <summary>The tags two profiles share, with both weights: a merge of their sorted tag lists, without allocation.</summary>
    private ref struct SharedTags(Profiles left, (int Start, int End) l, Profiles right, (int Start, int End) r)
    {
        private int i = l.Start, j = r.Start;

        public (int Tag, double Left, double Right) Current { get; private set; }

        public readonly SharedTags GetEnumerator() => this;

        public bool MoveNext()
        {
            while (i < l.End && j < r.End)
            {
                var (a, b) = (left.Tag[i], right.Tag[j]);
                if (a < b) i++;
                else if (a > b) j++;
                else
                {
                    Current = (a, left.Weight[i++], right.Weight[j++]);
                    return true;
                }
            }
            return false;
        }
    }

    private sealed record Profiles(int[] Start, int[] Tag, double[] Weight)
    {
        public int Count => Start.Length - 1;

        public (int Start, int End) Range(int x) =>
            (uint)x < (uint)Count ? (Start[x], Start[x + 1]) : throw new ArgumentOutOfRangeException(nameof(x), x, $"there are {Count} profiles");

        public static Profiles Build(IReadOnlyList<IReadOnlyList<WeightedTag>> profiles, Dictionary<string, int> ids, List<string> names, string what)
        {
            var start = new int[profiles.Count + 1];
            var tag = new List<int>();
            var weight = new List<double>();
            var row = new SortedDictionary<int, double>();
            for (var x = 0; x < profiles.Count; x++)
            {
                row.Clear();
                foreach (var (name, w) in profiles[x])
                {
                    if (!double.IsFinite(w) || w < 0) throw new ArgumentException($"{what}[{x}]: the weight of '{name}' is {w}; weights are finite and ≥ 0", what);
                    if (!ids.TryGetValue(name, out var id)) { ids[name] = id = names.Count; names.Add(name); }
                    row[id] = row.GetValueOrDefault(id) + w;
                }
                foreach (var (id, w) in row)
                {
                    if (w == 0) continue; // a zero weight matches nothing
                    tag.Add(id);
                    weight.Add(w);
                }
                start[x + 1] = tag.Count;
            }
            Debug.Assert(start[^1] == tag.Count);
            return new Profiles(start, [.. tag], [.. weight]);
        }
    }
}
