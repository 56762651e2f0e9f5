namespace ClusterHub.Analytics.Mapping;

/// <summary>A cluster's weight in one year, per region × cluster (<c>[r · I + i]</c>); NaN where the cell is missing.</summary>
/// <param name="Employment">e(r,c).</param>
/// <param name="RegionShare">e(r,c) / e(r): the cluster's share of the region's employment (the ECO "focus").</param>
/// <param name="BaseShare">e(r,c) / E(c): the region's share of the cluster's employment in the base (nation).</param>
public sealed record ClusterFigures(double[] Employment, double[] RegionShare, double[] BaseShare);

/// <summary>Per-cell star flags of one year (<c>[r · I + i]</c>); <see cref="Stars"/> counts them (0–3).</summary>
public sealed record StarRating(bool[] Size, bool[] Specialisation, bool[] Focus, byte[] Stars);

/// <summary>
/// European Cluster Observatory star thresholds (clusterobservatory.eu, "Evaluation of regional cluster strength",
/// index.php?id=49): a star for <b>size</b> when the region's cluster employment is in the top 10 % of regions for that
/// cluster, for <b>specialisation</b> when its location quotient is 2 or more, for <b>focus</b> when the cluster's share of
/// the region's employment is in the top 10 % of regions. "Top 10 %" is rank ≤ ⌈0.10 · n⌉ among the n regions with a
/// known value (competition ranks).
/// </summary>
public sealed record StarThresholds(double SizeTop = 0.10, double Specialisation = 2.0, double FocusTop = 0.10);

/// <summary>
/// US Cluster Mapping strong clusters (Delgado, Porter and Stern 2016; clustermapping.us): a qualifying, specialised
/// (LQ ≥ 1) region-cluster whose LQ ranks in the top 25 % of the regions with employment in the cluster
/// (<c>strong_b</c>), or the top 10 % (<c>strong10_b</c>). This reproduces every published flag of the 2016 state file.
/// Qualifying is the project's own screen of minimum size, not published as a rule; it is an input here (default: every
/// cell with employment).
/// </summary>
public sealed record StrongClusterFlags(bool[] Strong, bool[] Strong10, int[] LqRank);

/// <summary>Cluster employment, growth, shares, stars and strong-cluster flags, over a table of clusters (see <see cref="ClusterDefinition.Aggregate"/>).</summary>
public static class ClusterStrength
{
    public static ClusterFigures Figures(RegionalTable table, int yearIndex)
    {
        var (R, I) = (table.RegionCount, table.IndustryCount);
        var baseTotal = new double[I];
        for (var r = 0; r < R; r++)
        {
            var row = table.Row(yearIndex, r);
            for (var i = 0; i < I; i++) if (!double.IsNaN(row[i])) baseTotal[i] += row[i];
        }
        var figures = new ClusterFigures(new double[R * I], new double[R * I], new double[R * I]);
        for (var r = 0; r < R; r++)
        {
            var row = table.Row(yearIndex, r);
            var total = table.RegionTotal(yearIndex, r);
            for (var i = 0; i < I; i++)
            {
                var k = r * I + i;
                figures.Employment[k] = row[i];
                figures.RegionShare[k] = double.IsNaN(row[i]) || total == 0 ? double.NaN : row[i] / total;
                figures.BaseShare[k] = double.IsNaN(row[i]) || baseTotal[i] == 0 ? double.NaN : row[i] / baseTotal[i];
            }
        }
        return figures;
    }

    /// <summary>Growth e₁/e₀ − 1 per region × cluster; NaN when either year is missing or e₀ is 0.</summary>
    public static double[] Growth(RegionalTable table, int from, int to)
    {
        var (R, I) = (table.RegionCount, table.IndustryCount);
        var growth = new double[R * I];
        for (var r = 0; r < R; r++)
        {
            var a = table.Row(from, r);
            var z = table.Row(to, r);
            for (var i = 0; i < I; i++) growth[r * I + i] = a[i] is > 0 && !double.IsNaN(z[i]) ? z[i] / a[i] - 1 : double.NaN;
        }
        return growth;
    }

    /// <param name="table">A table of clusters.</param>
    /// <param name="lq">Location quotients of the whole table (<see cref="LocationQuotient.Compute"/>).</param>
    /// <param name="yearIndex">The year rated.</param>
    /// <param name="thresholds">Null: the Observatory's.</param>
    public static StarRating Stars(RegionalTable table, double[] lq, int yearIndex, StarThresholds? thresholds = null)
    {
        thresholds ??= new StarThresholds();
        var (R, I) = (table.RegionCount, table.IndustryCount);
        var figures = Figures(table, yearIndex);
        var rating = new StarRating(new bool[R * I], new bool[R * I], new bool[R * I], new byte[R * I]);
        var (size, focus) = (new double[R], new double[R]);
        for (var i = 0; i < I; i++)
        {
            for (var r = 0; r < R; r++) (size[r], focus[r]) = (figures.Employment[r * I + i], figures.RegionShare[r * I + i]);
            var (sizeRanks, focusRanks) = (Ranking.Ranks(size), Ranking.Ranks(focus));
            var (sized, focused) = (Known(size), Known(focus));
            for (var r = 0; r < R; r++)
            {
                var k = r * I + i;
                rating.Size[k] = Ranking.InTop(sizeRanks[r], sized, thresholds.SizeTop);
                rating.Focus[k] = Ranking.InTop(focusRanks[r], focused, thresholds.FocusTop);
                rating.Specialisation[k] = lq[table.Cell(yearIndex, r, i)] >= thresholds.Specialisation;
                rating.Stars[k] = (byte)((rating.Size[k] ? 1 : 0) + (rating.Specialisation[k] ? 1 : 0) + (rating.Focus[k] ? 1 : 0));
            }
        }
        return rating;
    }

    /// <param name="table">A table of clusters.</param>
    /// <param name="lq">Location quotients of the whole table.</param>
    /// <param name="yearIndex">The year flagged.</param>
    /// <param name="qualifying">Per region × cluster (<c>[r · I + i]</c>): may the cell be strong; null: every cell with employment.</param>
    /// <param name="top">The strong share (0.25); <c>Strong10</c> uses 0.10.</param>
    /// <param name="minimumLq">The specialisation a strong cluster needs at least.</param>
    public static StrongClusterFlags Strong(RegionalTable table, double[] lq, int yearIndex, bool[]? qualifying = null, double top = 0.25, double minimumLq = 1)
    {
        var (R, I) = (table.RegionCount, table.IndustryCount);
        var flags = new StrongClusterFlags(new bool[R * I], new bool[R * I], new int[R * I]);
        var column = new double[R];
        for (var i = 0; i < I; i++)
        {
            // Regions without employment in the cluster are not ranked (the published lq_tf_rank_i is NA for them).
            for (var r = 0; r < R; r++)
            {
                var value = lq[table.Cell(yearIndex, r, i)];
                column[r] = table[yearIndex, r, i] > 0 ? value : double.NaN;
            }
            var (ranks, ranked) = (Ranking.Ranks(column), Known(column));
            for (var r = 0; r < R; r++)
            {
                var k = r * I + i;
                var may = (qualifying?[k] ?? table[yearIndex, r, i] > 0) && column[r] >= minimumLq;
                flags.LqRank[k] = ranks[r];
                flags.Strong[k] = may && Ranking.InTop(ranks[r], ranked, top);
                flags.Strong10[k] = may && Ranking.InTop(ranks[r], ranked, 0.10);
            }
        }
        return flags;
    }

    private static int Known(ReadOnlySpan<double> values)
    {
        var n = 0;
        foreach (var v in values) if (!double.IsNaN(v)) n++;
        return n;
    }
}
