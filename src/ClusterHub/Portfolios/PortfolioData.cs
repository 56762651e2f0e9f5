using System.Globalization;
using System.Text.Json;
using ClusterHub.Assessment;
using ClusterHub.Data;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Portfolios;

/// <summary>What a portfolio view asks: one year, one instrument (a shipped one's key), and optional region and sector filters (case-insensitive, exact).</summary>
public sealed record PortfolioQuery(int? Year, string? Instrument, string? Region, string? Sector);

/// <summary>One dimension of the instrument compared, with its name in the three languages.</summary>
public sealed record PortfolioDimension(string Key, Texts Name);

/// <summary>
/// A portfolio for one year and instrument: every cluster that passes the filters, ranked; the choices the filters offer;
/// the instrument's dimensions. <see cref="Rows"/> is every filtered row (the page and the API page through it).
/// </summary>
public sealed record PortfolioView(int PortfolioId, string Slug, string Name, string? Description, int Year, string InstrumentKey, Texts InstrumentName,
    IReadOnlyList<PortfolioDimension> Dimensions, IReadOnlyList<PortfolioRow> Rows, IReadOnlyList<int> Years, IReadOnlyList<string> Regions,
    IReadOnlyList<string> Sectors, IReadOnlyList<string> Instruments)
{
    public bool AnyIllustrative => Rows.Any(r => r.Illustrative);
}

/// <summary>
/// Reads a portfolio: imported clusters from their stored figures, on-platform clusters that consented from their
/// assessment through <see cref="Assessments.ReportAsync"/> (the saved one if an analyst saved it, else the live one: the
/// same code path as the cluster's own report, never re-scored here).
/// </summary>
public sealed class PortfolioData(Assessments assessments, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = InstrumentSpec.Json;

    /// <summary>The view, or null when the instrument is not a shipped one or the year is invalid.</summary>
    public async Task<PortfolioView?> ViewAsync(ClusterDb db, int portfolioId, PortfolioQuery query, CancellationToken ct)
    {
        var key = string.IsNullOrWhiteSpace(query.Instrument) ? Instruments.Cipm : query.Instrument.Trim();
        var instrument = await Instruments.ShippedAsync(db, clock, key, null, ct);
        if (instrument is null) return null;
        if (query.Year is { } asked && Years.Validate(asked) is not null) return null;
        var portfolio = await db.Set<Portfolio>().AsNoTracking().SingleAsync(p => p.Id == portfolioId, ct);
        var spec = InstrumentMapping.ToSpec(instrument);

        var entries = await db.Set<PortfolioEntry>().AsNoTracking().Where(e => e.PortfolioId == portfolioId)
            .Select(e => new { e.Id, e.Name, e.Region, e.Sector }).ToListAsync(ct);
        var imported = await (from y in db.Set<PortfolioEntryYear>().AsNoTracking()
                              join e in db.Set<PortfolioEntry>() on y.EntryId equals e.Id
                              where e.PortfolioId == portfolioId && y.InstrumentKey == key
                              select y).ToListAsync(ct);
        var consenting = await (from c in db.Set<PortfolioConsent>().AsNoTracking()
                                join cl in db.Clusters on c.ClusterId equals cl.Id
                                where c.PortfolioId == portfolioId && c.RevokedAt == null
                                select cl).ToListAsync(ct);
        var years = imported.Select(y => y.Year).Distinct().Order().ToList();
        var year = query.Year ?? (years.Count > 0 ? years[^1] : clock.GetUtcNow().Year - 1);

        var regions = entries.Select(e => e.Region).Concat(consenting.Select(c => RegionOf(c.Region))).OfType<string>().Where(r => r.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.CurrentCulture).ToList();
        var sectors = entries.Select(e => e.Sector).Concat(consenting.Select(c => c.Sector)).OfType<string>().Where(s => s.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.CurrentCulture).ToList();
        bool Passes(string? region, string? sector) =>
            (string.IsNullOrWhiteSpace(query.Region) || string.Equals(region, query.Region.Trim(), StringComparison.OrdinalIgnoreCase))
            && (string.IsNullOrWhiteSpace(query.Sector) || string.Equals(sector, query.Sector.Trim(), StringComparison.OrdinalIgnoreCase));

        var rows = new List<PortfolioRow>();
        var specs = new Dictionary<int, InstrumentSpec> { [instrument.Version] = spec };
        var byEntry = entries.ToDictionary(e => e.Id);
        foreach (var y in imported.Where(y => y.Year == year))
        {
            var e = byEntry[y.EntryId];
            if (!Passes(e.Region, e.Sector)) continue;
            if (!specs.TryGetValue(y.InstrumentVersion, out var version))
                specs[y.InstrumentVersion] = version = (await Instruments.ShippedAsync(db, clock, key, y.InstrumentVersion, ct)) is { } v ? InstrumentMapping.ToSpec(v) : spec;
            var parts = JsonSerializer.Deserialize<Dictionary<string, double>>(y.Scores, Json) ?? [];
            var (score, coverage, dims) = PortfolioRanking.Aggregate(version, parts);
            rows.Add(new PortfolioRow($"imported:{e.Id}", e.Name, RowSource.Imported, y.Illustrative, e.Region, e.Sector, year, key, y.InstrumentVersion,
                y.Size, score, coverage, dims, null, null));
        }
        foreach (var cluster in consenting)
        {
            var region = RegionOf(cluster.Region);
            if (!Passes(region, cluster.Sector)) continue;
            var report = await assessments.ReportAsync(db, cluster, year, key, ct);
            if (report is null) continue;
            var size = report.LifeCycle.Checks.FirstOrDefault(c => c.Key == "members")?.Value;
            rows.Add(new PortfolioRow($"platform:{cluster.Slug}", cluster.Name, RowSource.Platform, false, region, cluster.Sector, year, key, report.InstrumentVersion,
                size is { } s ? (int)s : null, report.Result.Score, report.Result.Coverage,
                report.Result.Dimensions.ToDictionary(d => d.Spec.Key, d => d.Score, StringComparer.Ordinal), report.Result.Level?.Key, report.LifeCycle.Stage));
        }
        if (!years.Contains(year)) years = [.. years.Append(year).Order()];
        var keys = Instruments.Shipped.Select(s => s.Key).ToList();
        return new PortfolioView(portfolio.Id, portfolio.Slug, portfolio.Name, portfolio.Description, year, key, spec.Name,
            [.. spec.Dimensions.Select(d => new PortfolioDimension(d.Key, d.Name))], PortfolioRanking.Ranked(rows), years, regions, sectors, keys);
    }

    /// <summary>A cluster's region as a portfolio shows it: the French region's name for its code (the imports carry names).</summary>
    public static string? RegionOf(string? code) => code is null ? null : FrenchGeography.RegionName(code);

    /// <summary>Rows of the view in the order asked, one page of them.</summary>
    public static Page<PortfolioRow> Page(PortfolioView view, string? sort, bool? descending, int? page, int? pageSize) =>
        PortfolioRanking.Sorted(view.Rows, sort, descending).PageOf(page, pageSize);

    public static string Score(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.CurrentCulture) : "–";
}
