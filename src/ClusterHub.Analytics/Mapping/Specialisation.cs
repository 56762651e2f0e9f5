namespace ClusterHub.Analytics.Mapping;

/// <summary>How specialised each region is: its industry mix against the base's.</summary>
/// <param name="Krugman">Σᵢ |s(r,i) − s(i)|, from 0 (the base's mix) to 2 (nothing in common).</param>
/// <param name="Hoover">Half of it: the share of the region's employment that would have to change industry to match the base (0–1).</param>
/// <param name="Herfindahl">Σᵢ s(r,i)²: 1/I for an even mix, 1 for a single industry.</param>
public sealed record RegionSpecialisation(double[] Krugman, double[] Hoover, double[] Herfindahl);

/// <summary>How concentrated each industry is: its spread over regions against that of all employment.</summary>
/// <param name="Krugman">Σᵣ |c(r,i) − x(r)|, 0 (spread as all employment is) to 2.</param>
/// <param name="Hoover">Half of it: the Hoover coefficient of localisation (0–1).</param>
/// <param name="Herfindahl">Σᵣ c(r,i)²: 1 when one region holds the whole industry.</param>
public sealed record IndustryConcentration(double[] Krugman, double[] Hoover, double[] Herfindahl);

/// <summary>
/// Specialisation of regions and concentration of industries in one year, over known cells:
/// <c>s(r,i) = e(r,i)/e(r)</c> (the industry's share of the region), <c>s(i) = E(i)/E</c> (its share of the region's base),
/// <c>c(r,i) = e(r,i)/E(i)</c> (the region's share of the industry), <c>x(r) = e(r)/E</c> (its share of all employment).
/// Sources: Krugman (1991), <i>Geography and Trade</i>, the dissimilarity index; Hoover (1936), the coefficient of
/// localisation; Herfindahl–Hirschman over shares. A region or industry with no employment gets NaN.
/// </summary>
public static class Specialisation
{
    public static RegionSpecialisation Regions(RegionalTable table, int yearIndex, Grouping? regionBase = null)
    {
        var (R, I) = (table.RegionCount, table.IndustryCount);
        regionBase ??= Grouping.Whole(R);
        LocationQuotient.Check(regionBase, R, nameof(regionBase), "regions");
        var baseIndustry = new double[regionBase.Count * I];
        var baseTotal = new double[regionBase.Count];
        for (var r = 0; r < R; r++)
        {
            var row = table.Row(yearIndex, r);
            var b = regionBase.GroupOf[r];
            for (var i = 0; i < I; i++) if (!double.IsNaN(row[i])) baseIndustry[b * I + i] += row[i];
            baseTotal[b] += table.RegionTotal(yearIndex, r);
        }
        var (krugman, herfindahl) = (new double[R], new double[R]);
        for (var r = 0; r < R; r++)
        {
            var row = table.Row(yearIndex, r);
            var (total, b) = (table.RegionTotal(yearIndex, r), regionBase.GroupOf[r]);
            if (total == 0 || baseTotal[b] == 0) { krugman[r] = herfindahl[r] = double.NaN; continue; }
            double k = 0, h = 0;
            for (var i = 0; i < I; i++)
            {
                if (double.IsNaN(row[i])) continue;
                var s = row[i] / total;
                k += Math.Abs(s - baseIndustry[b * I + i] / baseTotal[b]);
                h += s * s;
            }
            (krugman[r], herfindahl[r]) = (k, h);
        }
        return new RegionSpecialisation(krugman, [.. krugman.Select(k => k / 2)], herfindahl);
    }

    public static IndustryConcentration Industries(RegionalTable table, int yearIndex)
    {
        var (R, I) = (table.RegionCount, table.IndustryCount);
        var industryTotal = new double[I];
        var regionTotal = new double[R];
        var all = 0.0;
        for (var r = 0; r < R; r++)
        {
            var row = table.Row(yearIndex, r);
            for (var i = 0; i < I; i++) if (!double.IsNaN(row[i])) industryTotal[i] += row[i];
            all += regionTotal[r] = table.RegionTotal(yearIndex, r);
        }
        var (krugman, herfindahl) = (new double[I], new double[I]);
        for (var r = 0; r < R; r++)
        {
            var row = table.Row(yearIndex, r);
            for (var i = 0; i < I; i++)
            {
                if (double.IsNaN(row[i]) || industryTotal[i] == 0) continue;
                var c = row[i] / industryTotal[i];
                krugman[i] += Math.Abs(c - regionTotal[r] / all);
                herfindahl[i] += c * c;
            }
        }
        for (var i = 0; i < I; i++)
            if (industryTotal[i] == 0 || all == 0) krugman[i] = herfindahl[i] = double.NaN;
        return new IndustryConcentration(krugman, [.. krugman.Select(k => k / 2)], herfindahl);
    }
}
