using System.Globalization;
using ClusterHub.Analytics.Mapping;
using ClusterHub.Clusters;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Mapping;

/// <summary>
/// What a dataset view asks: a definition's cluster (<see cref="Definition"/> and <see cref="Subject"/> its cluster) or a
/// single industry (<see cref="Subject"/> its code, no definition), a year (default the latest), growth from a year
/// (default the first), the LQ's base, the measure the map colours, and the table's order.
/// </summary>
public sealed record MappingQuery(int? Definition = null, string? Subject = null, int? Year = null, int? From = null, MappingBase Base = MappingBase.National,
    string? Measure = null, string? Sort = null, bool? Descending = null)
{
    /// <summary>The measures a region has, by the names the table, the map, the export and the API use.</summary>
    public static readonly string[] Measures = ["employment", "lq", "region_share", "base_share", "growth", "stars", "lq_rank", "rank"];
    public static readonly string[] Sorts = [.. Measures, "region", "name"];

    public static string Check(string? name) => name is not null && Sorts.Contains(name) ? name : "lq";
}

/// <summary>A cluster initiative on the platform whose home regions include a region.</summary>
public sealed record ClusterLink(string Slug, string Name);

/// <summary>One region's figures for the subject and year: employment, its LQ, shares, growth, stars, strong flags and ranks; null is missing.</summary>
public sealed record RegionFigures(string Region, string? Name, string? Parent, double? Employment, double? RegionTotal, double? Lq, double? RegionShare, double? BaseShare,
    double? Growth, bool SizeStar, bool SpecialisationStar, bool FocusStar, int Stars, bool Strong, bool Strong10, int? LqRank, int? Rank, IReadOnlyList<ClusterLink> Clusters)
{
    public double? Measure(string name) => name switch
    {
        "employment" => Employment,
        "lq" => Lq,
        "region_share" => RegionShare,
        "base_share" => BaseShare,
        "growth" => Growth,
        "stars" => Stars,
        "lq_rank" => LqRank,
        "rank" => Rank,
        _ => null,
    };
}

/// <summary>A view's answer: the subjects to choose from, what was chosen, a page of regions in the order asked, and every region's value of the measure for the map.</summary>
public sealed record MappingResult(int DatasetId, int? Definition, IReadOnlyList<string> Subjects, string Subject, IReadOnlyList<int> Years, int Year, int? From,
    MappingBase Base, string Measure, string Sort, bool Descending, Page<RegionFigures> Regions, IReadOnlyDictionary<string, double?> Map);

/// <summary>A region's subject over the years: employment and LQ, null where missing.</summary>
public sealed record RegionSeries(string Region, string? Name, IReadOnlyList<int> Years, IReadOnlyList<double?> Employment, IReadOnlyList<double?> Lq);

public enum QueryOutcome { Found, NotFound, Invalid }

/// <summary>
/// The figures of a stored dataset, computed by the engine from its stored cells (cached table, <see cref="MappingTables"/>):
/// the table aggregated by a definition (each region keeping its whole economy as its total), LQs with a national or
/// parent base, cluster figures, stars and strong flags for the year, growth since another year, ranks.
/// </summary>
public static class MappingFigures
{
    private sealed record Computed(RegionalData Data, RegionalTable Table, int SubjectIndex, int YearIndex, int? FromIndex, double[] Lq);

    private static async Task<(QueryOutcome, Computed?, string?, IReadOnlyList<string>)> ComputeAsync(ClusterDb db, MappingTables tables, int clusterId, int datasetId, MappingQuery q, CancellationToken ct)
    {
        if (!await db.MappingDatasets.AnyAsync(d => d.Id == datasetId && d.ClusterId == clusterId, ct)) return (QueryOutcome.NotFound, null, null, []);
        var data = await tables.LoadAsync(db, datasetId, ct);
        var table = data.Table;
        if (q.Definition is { } definitionId)
        {
            var entries = await db.MappingDefinitions.AsNoTracking().Where(d => d.Id == definitionId && d.ClusterId == clusterId)
                .SelectMany(d => d.Codes).Select(c => new { c.Industry, c.Cluster }).ToListAsync(ct);
            if (entries.Count == 0) return (QueryOutcome.Invalid, null, "definition: is not a definition of the cluster", []);
            table = ClusterDefinitionFile.Build(entries.Select(e => (e.Industry, e.Cluster))).Aggregate(table);
        }
        var subjects = table.Industries.Codes.Order(StringComparer.Ordinal).ToList();
        if (subjects.Count == 0 || table.YearCount == 0) return (QueryOutcome.Invalid, null, "dataset: has no cells", subjects);
        var subject = q.Subject is { } s ? table.Industries.IndexOf(s) : table.Industries.IndexOf(subjects[0]);
        if (subject < 0) return (QueryOutcome.Invalid, null, $"subject: '{q.Subject}' is not a {(q.Definition is null ? "industry of the dataset" : "cluster of the definition")}", subjects);
        var year = q.Year ?? table.Years[^1];
        if (!table.Years.Contains(year)) return (QueryOutcome.Invalid, null, string.Create(CultureInfo.InvariantCulture, $"year: {year} is not a year of the dataset ({table.Years[0]}–{table.Years[^1]})"), subjects);
        var from = q.From ?? table.Years[0];
        if (!table.Years.Contains(from)) return (QueryOutcome.Invalid, null, string.Create(CultureInfo.InvariantCulture, $"from: {from} is not a year of the dataset"), subjects);
        if (q.Base == MappingBase.Parent && data.Parents is null) return (QueryOutcome.Invalid, null, "base: the dataset's regions have no parents; choose the national base", subjects);
        var options = q.Base == MappingBase.Parent ? new LocationQuotientOptions { RegionBase = data.Parents } : new LocationQuotientOptions();
        var lq = LocationQuotient.Compute(table, options);
        return (QueryOutcome.Found, new Computed(data, table, subject, table.YearIndex(year), from == year ? null : table.YearIndex(from), lq), null, subjects);
    }

    /// <summary>Every region's figures (those with a value for the subject that year), in region order.</summary>
    private static List<RegionFigures> Figures(Computed c, IReadOnlyDictionary<string, List<ClusterLink>> links)
    {
        var (t, i, y) = (c.Table, c.SubjectIndex, c.YearIndex);
        var I = t.IndustryCount;
        var figures = ClusterStrength.Figures(t, y);
        var stars = ClusterStrength.Stars(t, c.Lq, y);
        var strong = ClusterStrength.Strong(t, c.Lq, y);
        var growth = c.FromIndex is { } f ? ClusterStrength.Growth(t, f, y) : null;
        var employment = Ranking.Column(t, t.Values, y, i);
        var ranks = Ranking.Ranks(employment);
        var rows = new List<RegionFigures>();
        for (var r = 0; r < t.RegionCount; r++)
        {
            var k = r * I + i;
            if (double.IsNaN(employment[r])) continue;
            var code = t.Regions[r];
            var parent = c.Data.Parents is { } p ? p.Groups[p.GroupOf[r]] : null;
            rows.Add(new RegionFigures(code, c.Data.Names?[r], parent, employment[r], N(t.RegionTotal(y, r)), N(c.Lq[t.Cell(y, r, i)]), N(figures.RegionShare[k]), N(figures.BaseShare[k]),
                growth is null ? null : N(growth[k]), stars.Size[k], stars.Specialisation[k], stars.Focus[k], stars.Stars[k], strong.Strong[k], strong.Strong10[k],
                strong.LqRank[k] == 0 ? null : strong.LqRank[k], ranks[r] == 0 ? null : ranks[r], LinksOf(code, parent, links)));
        }
        return rows;
    }

    private static double? N(double v) => double.IsFinite(v) ? v : null;

    public static async Task<(QueryOutcome Outcome, MappingResult? Result, string? Error)> QueryAsync(ClusterDb db, MappingTables tables, int clusterId, int datasetId, MappingQuery q,
        int? page, int? pageSize, CancellationToken ct)
    {
        var (outcome, c, error, subjects) = await ComputeAsync(db, tables, clusterId, datasetId, q, ct);
        if (c is null) return (outcome, null, error);
        var rows = Figures(c, await LinksForAsync(db, datasetId, ct));
        var measure = q.Measure is { } m && MappingQuery.Measures.Contains(m) ? m : "lq";
        var sort = MappingQuery.Check(q.Sort ?? measure);
        // Ranks read best first when ascending; the other measures largest first; missing values last either way.
        var descending = q.Descending ?? sort is not ("lq_rank" or "rank" or "region" or "name");
        var ordered = Order(rows, sort, descending);
        var size = Math.Clamp(pageSize ?? Paging.DefaultSize, 1, Paging.MaxSize);
        var number = Math.Clamp(page ?? 1, 1, Paging.PageCount(ordered.Count, size));
        var items = ordered.Skip((number - 1) * size).Take(size).ToList();
        return (QueryOutcome.Found, new MappingResult(datasetId, q.Definition, subjects, c.Table.Industries[c.SubjectIndex], c.Table.Years, c.Table.Years[c.YearIndex],
            c.FromIndex is { } f ? c.Table.Years[f] : null, q.Base, measure, sort, descending, new Page<RegionFigures>(items, number, size, ordered.Count),
            rows.ToDictionary(r => r.Region, r => r.Measure(measure))), null);
    }

    /// <summary>Every region of a view, in the view's order, for an export.</summary>
    public static async Task<(QueryOutcome Outcome, List<RegionFigures>? Rows, string? Error)> AllAsync(ClusterDb db, MappingTables tables, int clusterId, int datasetId, MappingQuery q, CancellationToken ct)
    {
        var (outcome, c, error, _) = await ComputeAsync(db, tables, clusterId, datasetId, q, ct);
        if (c is null) return (outcome, null, error);
        var sort = MappingQuery.Check(q.Sort ?? q.Measure);
        return (QueryOutcome.Found, Order(Figures(c, await LinksForAsync(db, datasetId, ct)), sort, q.Descending ?? sort is not ("lq_rank" or "rank" or "region" or "name")), null);
    }

    private static List<RegionFigures> Order(List<RegionFigures> rows, string sort, bool descending)
    {
        IOrderedEnumerable<RegionFigures> ordered = sort switch
        {
            "region" => descending ? rows.OrderByDescending(r => r.Region, StringComparer.Ordinal) : rows.OrderBy(r => r.Region, StringComparer.Ordinal),
            "name" => descending ? rows.OrderByDescending(r => r.Name ?? r.Region, StringComparer.CurrentCulture) : rows.OrderBy(r => r.Name ?? r.Region, StringComparer.CurrentCulture),
            _ => rows.OrderBy(r => r.Measure(sort) is null).ThenBy(r => (descending ? -1 : 1) * (r.Measure(sort) ?? 0)),
        };
        return [.. ordered.ThenBy(r => r.Region, StringComparer.Ordinal)];
    }

    /// <summary>One region's subject over every year of the dataset: the time chart.</summary>
    public static async Task<(QueryOutcome Outcome, RegionSeries? Series, string? Error)> SeriesAsync(ClusterDb db, MappingTables tables, int clusterId, int datasetId, string region, MappingQuery q, CancellationToken ct)
    {
        var (outcome, c, error, _) = await ComputeAsync(db, tables, clusterId, datasetId, q, ct);
        if (c is null) return (outcome, null, error);
        var r = c.Table.Regions.IndexOf(region);
        if (r < 0) return (QueryOutcome.NotFound, null, null);
        var t = c.Table;
        var years = Enumerable.Range(0, t.YearCount);
        return (QueryOutcome.Found, new RegionSeries(region, c.Data.Names?[r], t.Years, [.. years.Select(y => N(t[y, r, c.SubjectIndex]))],
            [.. years.Select(y => N(c.Lq[t.Cell(y, r, c.SubjectIndex)]))]), null);
    }

    /// <summary>The export's table of a view: every column of <see cref="RegionFigures"/> but the links, named as the API names them.</summary>
    public static ExportTable<RegionFigures> ExportTable(string name) => new(name,
    [
        new("region", r => r.Region), new("name", r => r.Name), new("parent", r => r.Parent),
        new("employment", r => r.Employment, Numeric: true), new("region_total", r => r.RegionTotal, Numeric: true), new("lq", r => r.Lq, Numeric: true),
        new("region_share", r => r.RegionShare, Numeric: true), new("base_share", r => r.BaseShare, Numeric: true), new("growth", r => r.Growth, Numeric: true),
        new("size_star", r => r.SizeStar ? 1 : 0, Numeric: true), new("specialisation_star", r => r.SpecialisationStar ? 1 : 0, Numeric: true),
        new("focus_star", r => r.FocusStar ? 1 : 0, Numeric: true), new("stars", r => r.Stars, Numeric: true),
        new("strong", r => r.Strong ? 1 : 0, Numeric: true), new("strong10", r => r.Strong10 ? 1 : 0, Numeric: true),
        new("lq_rank", r => r.LqRank, Numeric: true), new("rank", r => r.Rank, Numeric: true),
        new("clusters", r => string.Join(" ", r.Clusters.Select(c => c.Slug))),
    ]);

    // ---- Regions and the platform's cluster initiatives

    /// <summary>Every cluster initiative's home regions (its own region and its offices', partner associations left out) → the initiatives there.</summary>
    public static async Task<Dictionary<string, List<ClusterLink>>> LinksAsync(ClusterDb db, CancellationToken ct)
    {
        var clusters = await db.Clusters.AsNoTracking().Select(c => new { c.Id, c.Slug, c.Name, c.Region }).ToListAsync(ct);
        var offices = await db.Set<ClusterOffice>().AsNoTracking().Where(o => o.Kind != OfficeKind.PartnerAssociation && o.Region != null)
            .Select(o => new { o.ClusterId, o.Region }).ToListAsync(ct);
        var links = new Dictionary<string, List<ClusterLink>>(StringComparer.Ordinal);
        foreach (var c in clusters)
            foreach (var region in offices.Where(o => o.ClusterId == c.Id).Select(o => o.Region!).Append(c.Region).OfType<string>().Distinct())
            {
                if (!links.TryGetValue(region, out var list)) links[region] = list = [];
                list.Add(new ClusterLink(c.Slug, c.Name));
            }
        return links;
    }

    /// <summary>
    /// The links for a dataset's regions: the platform's home regions are INSEE codes, so a dataset drawn on the US states
    /// or counties (whose FIPS codes share the two-digit space: Minnesota is 27, as Bourgogne-Franche-Comté) links to none.
    /// </summary>
    private static async Task<Dictionary<string, List<ClusterLink>>> LinksForAsync(ClusterDb db, int datasetId, CancellationToken ct) =>
        await db.MappingDatasets.AnyAsync(d => d.Id == datasetId && (d.Boundaries == MappingWorkspace.UsStates || d.Boundaries == MappingWorkspace.UsCounties), ct) ? new Dictionary<string, List<ClusterLink>>() : await LinksAsync(db, ct);

    /// <summary>
    /// The home regions a dataset's region is in: its own code, its parent's, and for a French commune code (five
    /// characters, INSEE) the région of its département. Région and département codes share the two-digit space, so a
    /// département-level dataset should name the région as the regions' parent to be linked.
    /// </summary>
    public static IEnumerable<string> HomeCodes(string region, string? parent)
    {
        yield return region;
        if (parent is not null) yield return parent;
        if (region.Length == 5 && char.IsAsciiDigit(region[0]))
        {
            var departement = region.StartsWith("97", StringComparison.Ordinal) ? region[..3] : region[..2];
            if (FrenchGeography.RegionOfDepartement.TryGetValue(departement, out var r)) yield return r;
        }
        else if (region.Length == 5 && (region.StartsWith("2A", StringComparison.Ordinal) || region.StartsWith("2B", StringComparison.Ordinal))) yield return "94";
    }

    private static List<ClusterLink> LinksOf(string region, string? parent, IReadOnlyDictionary<string, List<ClusterLink>> links) =>
        [.. HomeCodes(region, parent).Distinct().SelectMany(code => links.TryGetValue(code, out var l) ? l : []).DistinctBy(l => l.Slug)];

    /// <summary>
    /// The cluster's own figures in its home regions, for the indicators: the latest of its datasets with a year at most
    /// <paramref name="year"/>, its first definition taken whole as one cluster, the regions whose home codes meet the
    /// cluster's home regions. Null when any of them is missing.
    /// </summary>
    public static async Task<HomeFigures?> HomeAsync(ClusterDb db, MappingTables tables, int clusterId, int year, CancellationToken ct)
    {
        var dataset = await db.MappingDatasets.AsNoTracking().Where(d => d.ClusterId == clusterId && d.FirstYear <= year).OrderByDescending(d => d.Id)
            .Select(d => new { d.Id }).FirstOrDefaultAsync(ct);
        var definition = await db.MappingDefinitions.AsNoTracking().Where(d => d.ClusterId == clusterId).OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.Name, Codes = d.Codes.Select(c => c.Industry).ToList() }).FirstOrDefaultAsync(ct);
        if (dataset is null || definition is null) return null;
        var home = await db.Clusters.AsNoTracking().Where(c => c.Id == clusterId).Select(c => c.Region).SingleAsync(ct) is { } own
            ? (await ClusterOffice.HomeRegionsAsync(db, clusterId, ct)).Append(own).ToHashSet(StringComparer.Ordinal)
            : (await ClusterOffice.HomeRegionsAsync(db, clusterId, ct)).ToHashSet(StringComparer.Ordinal);
        var data = await tables.LoadAsync(db, dataset.Id, ct);
        var table = ClusterDefinitionFile.Build(definition.Codes.Select(code => (code, definition.Name))).Aggregate(data.Table);
        var known = table.Years.Where(y => y <= year).ToList();
        if (known.Count == 0) return null;
        var y = table.YearIndex(known[^1]);
        var lq = LocationQuotient.Compute(table);
        var stars = ClusterStrength.Stars(table, lq, y);
        double e = 0, total = 0, E = 0, all = 0;
        var (matched, best) = (0, 0);
        for (var r = 0; r < table.RegionCount; r++)
        {
            var v = table[y, r, 0];
            var t = table.RegionTotal(y, r);
            if (!double.IsNaN(v)) E += v;
            all += t;
            var parent = data.Parents is { } p ? p.Groups[p.GroupOf[r]] : null;
            if (!HomeCodes(table.Regions[r], parent).Any(home.Contains)) continue;
            matched++;
            total += t;
            if (!double.IsNaN(v)) { e += v; best = Math.Max(best, stars.Stars[r]); }
        }
        return new HomeFigures(dataset.Id, known[^1], matched, matched == 0 ? null : e, matched == 0 || total == 0 || E == 0 || all == 0 ? null : e / total / (E / all), matched == 0 ? null : best);
    }
}

/// <summary>The cluster's figures in its home regions: the dataset and year read, the regions matched, employment, LQ, best star count.</summary>
public sealed record HomeFigures(int DatasetId, int Year, int Regions, double? Employment, double? Lq, int? Stars);
