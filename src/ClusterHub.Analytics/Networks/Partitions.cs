namespace ClusterHub.Analytics.Networks;

/// <summary>
/// How far two partitions of the same nodes agree (communities found against a known grouping such as region, member
/// type or conference), in igraph's definitions (compare_communities), from the contingency table of label pairs.
/// Labels are any ints; only which nodes share one matters.
/// </summary>
public static class Partitions
{
    /// <summary>
    /// Normalised mutual information, 2·I(A;B) / (H(A) + H(B)) (Danon et al. 2005): 1 for the same partition, 0 for
    /// independent ones; 1 when both put every node in one group.
    /// </summary>
    public static double NormalizedMutualInformation(int[] a, int[] b)
    {
        var (pairs, sizesA, sizesB) = Contingency(a, b);
        double n = a.Length;
        double Entropy(IEnumerable<int> sizes) => -sizes.Sum(c => c / n * Math.Log(c / n));
        var (ha, hb) = (Entropy(sizesA.Values), Entropy(sizesB.Values));
        if (ha + hb == 0) return 1;
        var mutual = pairs.Sum(p => p.Value / n * Math.Log(p.Value * n / ((double)sizesA[p.Key.A] * sizesB[p.Key.B])));
        return 2 * mutual / (ha + hb);
    }

    /// <summary>
    /// Rand index adjusted for chance (Hubert &amp; Arabie 1985): 1 for the same partition, about 0 for random ones (it
    /// can go below); 1 when both partitions are the same trivial one.
    /// </summary>
    public static double AdjustedRandIndex(int[] a, int[] b)
    {
        var (pairs, sizesA, sizesB) = Contingency(a, b);
        static double Pairs(double c) => c * (c - 1) / 2;
        var together = pairs.Values.Sum(c => Pairs(c));
        var (inA, inB) = (sizesA.Values.Sum(c => Pairs(c)), sizesB.Values.Sum(c => Pairs(c)));
        if (a.Length < 2) return 1; // one node: one way to partition it
        var expected = inA * inB / Pairs(a.Length);
        var maximum = (inA + inB) / 2;
        return maximum == expected ? 1 : (together - expected) / (maximum - expected);
    }

    private static (Dictionary<(int A, int B), int> Pairs, Dictionary<int, int> SizesA, Dictionary<int, int> SizesB) Contingency(int[] a, int[] b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"the partitions cover {a.Length} and {b.Length} nodes", nameof(b));
        if (a.Length == 0) throw new ArgumentException("the partitions are empty", nameof(a));
        var pairs = new Dictionary<(int, int), int>();
        var sizesA = new Dictionary<int, int>();
        var sizesB = new Dictionary<int, int>();
        for (var v = 0; v < a.Length; v++)
        {
            pairs[(a[v], b[v])] = pairs.GetValueOrDefault((a[v], b[v])) + 1;
            sizesA[a[v]] = sizesA.GetValueOrDefault(a[v]) + 1;
            sizesB[b[v]] = sizesB.GetValueOrDefault(b[v]) + 1;
        }
        return (pairs, sizesA, sizesB);
    }
}
