using ClusterHub.Data;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Competences;

public enum CellStatus { NotNeeded, Gap, SingleActor, Covered }
public sealed record HeatCell(string Area, int? Needed, int Holders, CellStatus Status);
public sealed record HeatRow(string Code, string Name, string Domain, IReadOnlyList<HeatCell> Cells);
/// <summary>Competences × strategic areas: each cell the level the area needs and how many members hold it at that level.</summary>
public sealed record HeatMap(IReadOnlyList<AreaRow> Areas, IReadOnlyList<HeatRow> Competences);

public enum GapKind { NoMember, SingleActor, OutsideHomeRegions }
/// <summary>
/// One weakness of the map: an area's need of a competence that no member meets, that one member alone meets (named:
/// the cluster's risk if it leaves), or that only members outside the home regions meet. <c>BestLevel</c>: the highest
/// validated level any member has, for a need nobody meets.
/// </summary>
public sealed record Gap(GapKind Kind, string Competence, string CompetenceName, string Area, string AreaName, int Needed, int Holders,
    int? BestLevel, int? MemberId, string? MemberName);
public sealed record GapAnalysis(IReadOnlyList<string> HomeRegions, int Needs, int Met, int SingleActor, IReadOnlyList<Gap> Gaps);

public sealed record RegionCoverage(string Region, string RegionName, bool Home, int Members, int Competences, int OfTotal);

public sealed record ProfileLine(string Competence, string Name, int Needed, int? Level, DeclarationState? State, bool Meets);
public sealed record MemberProfile(int MemberId, string MemberName, string Area, string AreaName, int Needs, int Met, IReadOnlyList<ProfileLine> Lines);

/// <summary>The filters of "who can do X in region Y", shared by the page, the API and the benchmark.</summary>
public sealed record CompetenceSearch
{
    /// <summary>A competence's code; all competences when empty.</summary>
    public string? Competence { get; init; }
    /// <summary>INSEE region code (or the country for members abroad).</summary>
    public string? Region { get; init; }
    public int? MinLevel { get; init; }
    /// <summary>Text a certification must contain ("19443").</summary>
    public string? Certification { get; init; }
    public MemberType? Type { get; init; }
    /// <summary>Declarations still waiting for the secretariat too (never rejected ones).</summary>
    public bool? IncludeUnvalidated { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record SearchRow(int MemberId, string MemberName, MemberType Type, string? Region, string? City, string Competence, int Level,
    string? Certifications, DeclarationState State);

/// <summary>
/// The analyses of the competence map. Only validated declarations of active members still in the directory count:
/// a declaration is a member's word until the secretariat has checked its evidence.
/// </summary>
public static class CompetenceMap
{
    private sealed record Holder(int CompetenceId, int MemberId, string MemberName, string RegionKey, int Level);
    private sealed record Entry(int Id, string Code, string Name, string Domain);
    private sealed record Need(int CompetenceId, int AreaId, int Level);
    private sealed record Data(IReadOnlyList<AreaRow> Areas, IReadOnlyList<Entry> Competences, IReadOnlyList<Need> Needs, ILookup<int, Holder> Holders);

    /// <summary>What counts: validated declarations of active, not archived members (declared by <paramref name="asOf"/> when given).</summary>
    internal static IQueryable<CompetenceDeclaration> Counted(ClusterDb db, int clusterId, DateOnly? asOf = null)
    {
        var q = db.CompetenceDeclarations.AsNoTracking().Where(d => d.ClusterId == clusterId && d.State == DeclarationState.Validated
            && d.Member!.Status == MemberStatus.Active && d.Member.ArchivedOn == null);
        return asOf is { } on ? q.Where(d => d.DeclaredOn <= on) : q;
    }

    private static async Task<Data> LoadAsync(ClusterDb db, int clusterId, DateOnly? asOf, CancellationToken ct)
    {
        var areas = (await AreaLists.LoadAsync(db, clusterId, ct)).AreaRows;
        var competences = await db.Competences.AsNoTracking().Where(c => c.ClusterId == clusterId).OrderBy(c => c.Order).ThenBy(c => c.Code)
            .Select(c => new Entry(c.Id, c.Code, c.Name, c.Domain)).ToListAsync(ct);
        var needs = await db.Set<CompetenceNeed>().AsNoTracking().Where(n => db.Competences.Any(c => c.Id == n.CompetenceId && c.ClusterId == clusterId))
            .Select(n => new Need(n.CompetenceId, n.StrategicAreaId, n.Level)).ToListAsync(ct);
        var holders = await Counted(db, clusterId, asOf)
            .Select(d => new Holder(d.CompetenceId, d.MemberId, d.Member!.Name, d.Member.Region ?? d.Member.Country, d.Level)).ToListAsync(ct);
        return new(areas, competences, needs, holders.ToLookup(h => h.CompetenceId));
    }

    public static async Task<HeatMap> HeatMapAsync(ClusterDb db, int clusterId, CancellationToken ct)
    {
        var data = await LoadAsync(db, clusterId, null, ct);
        var needs = data.Needs.ToDictionary(n => (n.CompetenceId, n.AreaId), n => n.Level);
        return new(data.Areas, [.. data.Competences.Select(c => new HeatRow(c.Code, c.Name, c.Domain, [.. data.Areas.Select(a =>
        {
            var needed = needs.TryGetValue((c.Id, a.Id), out var level) ? level : (int?)null;
            var holders = data.Holders[c.Id].Count(h => h.Level >= (needed ?? 1));
            var status = needed is null ? CellStatus.NotNeeded : holders switch { 0 => CellStatus.Gap, 1 => CellStatus.SingleActor, _ => CellStatus.Covered };
            return new HeatCell(a.Code, needed, holders, status);
        })]))]);
    }

    public static async Task<GapAnalysis> GapsAsync(ClusterDb db, int clusterId, CancellationToken ct) =>
        Gaps(await LoadAsync(db, clusterId, null, ct), await Clusters.ClusterOffice.HomeRegionsAsync(db, clusterId, ct));

    /// <summary>The gap analysis as of the end of a year, for the indicators.</summary>
    internal static async Task<GapAnalysis> GapsAsync(ClusterDb db, int clusterId, DateOnly asOf, CancellationToken ct) =>
        Gaps(await LoadAsync(db, clusterId, asOf, ct), await Clusters.ClusterOffice.HomeRegionsAsync(db, clusterId, ct));

    private static GapAnalysis Gaps(Data data, List<string> homeRegions)
    {
        var areas = data.Areas.ToDictionary(a => a.Id);
        var order = data.Areas.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var gaps = new List<Gap>();
        int needs = 0, met = 0, single = 0;
        foreach (var c in data.Competences)
            foreach (var need in data.Needs.Where(n => n.CompetenceId == c.Id && areas.ContainsKey(n.AreaId)).OrderBy(n => order[n.AreaId]))
            {
                needs++;
                var area = areas[need.AreaId];
                var able = data.Holders[c.Id].Where(h => h.Level >= need.Level).ToList();
                Gap Make(GapKind kind, Holder? who = null) => new(kind, c.Code, c.Name, area.Code, area.Name, need.Level, able.Count,
                    data.Holders[c.Id].Select(h => (int?)h.Level).Max(), who?.MemberId, who?.MemberName);
                if (able.Count == 0) { gaps.Add(Make(GapKind.NoMember)); continue; }
                met++;
                if (able.Count == 1) { single++; gaps.Add(Make(GapKind.SingleActor, able[0])); }
                if (homeRegions.Count > 0 && !able.Any(h => homeRegions.Contains(h.RegionKey))) gaps.Add(Make(GapKind.OutsideHomeRegions));
            }
        return new(homeRegions, needs, met, single, [.. gaps.OrderBy(g => g.Kind).ThenBy(g => g.Area, StringComparer.Ordinal).ThenBy(g => g.Competence, StringComparer.Ordinal)]);
    }

    /// <summary>Per region: the members with a validated competence there, and how many of the taxonomy's competences they cover.</summary>
    public static async Task<IReadOnlyList<RegionCoverage>> CoverageAsync(ClusterDb db, int clusterId, CancellationToken ct)
    {
        var total = await db.Competences.CountAsync(c => c.ClusterId == clusterId, ct);
        var home = await Clusters.ClusterOffice.HomeRegionsAsync(db, clusterId, ct);
        var rows = await Counted(db, clusterId).Select(d => new { Region = d.Member!.Region ?? d.Member.Country, d.MemberId, d.CompetenceId }).Distinct().ToListAsync(ct);
        return [.. rows.GroupBy(r => r.Region).Select(g => new RegionCoverage(g.Key, FrenchGeography.RegionName(g.Key), home.Contains(g.Key),
                g.Select(r => r.MemberId).Distinct().Count(), g.Select(r => r.CompetenceId).Distinct().Count(), total))
            .OrderByDescending(r => r.Competences).ThenBy(r => r.Region, StringComparer.Ordinal)];
    }

    /// <summary>A member's competences against the profile an area needs; null when the member or the area is unknown.</summary>
    public static async Task<MemberProfile?> ProfileAsync(ClusterDb db, int clusterId, int memberId, string area, CancellationToken ct)
    {
        var lists = await AreaLists.LoadAsync(db, clusterId, ct);
        if (!lists.Areas.TryGetValue(area.Trim().ToUpperInvariant(), out var areaId)) return null;
        var member = await db.Members.AsNoTracking().Where(m => m.Id == memberId && m.ClusterId == clusterId).Select(m => new { m.Id, m.Name }).SingleOrDefaultAsync(ct);
        if (member is null) return null;
        var needs = await db.Set<CompetenceNeed>().AsNoTracking().Where(n => n.StrategicAreaId == areaId)
            .Join(db.Competences.Where(c => c.ClusterId == clusterId), n => n.CompetenceId, c => c.Id, (n, c) => new { c.Id, c.Code, c.Name, c.Order, n.Level })
            .OrderBy(x => x.Order).ThenBy(x => x.Code).ToListAsync(ct);
        var declared = await db.CompetenceDeclarations.AsNoTracking().Where(d => d.MemberId == memberId)
            .ToDictionaryAsync(d => d.CompetenceId, d => new { d.Level, d.State }, ct);
        var lines = needs.Select(n => declared.TryGetValue(n.Id, out var d)
            ? new ProfileLine(n.Code, n.Name, n.Level, d.Level, d.State, d.State == DeclarationState.Validated && d.Level >= n.Level)
            : new ProfileLine(n.Code, n.Name, n.Level, null, null, false)).ToList();
        var a = lists.AreaRows.First(x => x.Id == areaId);
        return new(member.Id, member.Name, a.Code, a.Name, lines.Count, lines.Count(l => l.Meets), lines);
    }

    /// <summary>"Who can do X in region Y": members holding a competence at a level or above, best first; null for an unknown competence.</summary>
    public static async Task<Page<SearchRow>?> SearchAsync(ClusterDb db, int clusterId, CompetenceSearch f, CancellationToken ct)
    {
        var q = db.CompetenceDeclarations.AsNoTracking().Where(d => d.ClusterId == clusterId);
        if (CompetenceRules.Trimmed(f.Competence) is { } code)
        {
            code = code.ToUpperInvariant();
            var id = await db.Competences.Where(c => c.ClusterId == clusterId && c.Code == code).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
            if (id is null) return null;
            q = q.Where(d => d.CompetenceId == id);
        }
        q = f.IncludeUnvalidated == true ? q.Where(d => d.State != DeclarationState.Rejected) : q.Where(d => d.State == DeclarationState.Validated);
        if (f.MinLevel is > 1) q = q.Where(d => d.Level >= f.MinLevel);
        q = q.Where(d => d.Member!.Status == MemberStatus.Active && d.Member.ArchivedOn == null);
        if (CompetenceRules.Trimmed(f.Region) is { } region) q = q.Where(d => (d.Member!.Region ?? d.Member.Country) == region);
        if (f.Type is { } type) q = q.Where(d => d.Member!.Type == type);
        if (CompetenceRules.Trimmed(f.Certification) is { } cert)
        {
            cert = cert.ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL UPPER(…) LIKE: case-insensitive on both providers
            q = q.Where(d => d.Certifications != null && d.Certifications.ToUpper().Contains(cert));
#pragma warning restore CA1304, CA1311, CA1862
        }
        return await q.OrderByDescending(d => d.Level).ThenBy(d => d.Member!.NormalizedName).ThenBy(d => d.Id)
            .Select(d => new SearchRow(d.MemberId, d.Member!.Name, d.Member.Type, d.Member.Region, d.Member.City, d.Competence!.Code, d.Level, d.Certifications, d.State))
            .PageAsync(f.Page, f.PageSize, ct);
    }
}
