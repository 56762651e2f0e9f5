using ClusterHub.Data;
using Microsoft.EntityFrameworkCore;
using static ClusterHub.Projects.ProposalState;

namespace ClusterHub.Projects;

/// <summary>
/// The pipeline dashboard, counted from the workflow's moves (<see cref="ProposalStateChange"/>, summarised by year in
/// <see cref="ProposalYearStage"/>), in a few set-based queries.
/// <para>
/// "Worked on in year Y" is the number of distinct proposals the cluster acted on during Y while they were in its hands:
/// created, submitted, taken into committee review, returned, certified or rejected in Y. A proposal drafted in 2010 and
/// certified in 2011 is worked on in both years; a project only funded, running or completed in Y is not (the funder and
/// the consortium carry it then). The other stages count the distinct proposals that reached them in Y.
/// </para>
/// </summary>
public static class ProjectFunnel
{
    /// <summary>The states in which the cluster works on a proposal: a move into one of them in Y means it was worked on in Y.</summary>
    public static readonly ProposalState[] Labelling = [Draft, Submitted, UnderReview, ReturnedForRevision, Certified, Rejected];

    public sealed record YearRow(int Year, int WorkedOn, int Submitted, int Certified, int Funded, int Completed, int OnTheMarket);

    /// <summary>One stage's share of the previous one over all years (null when the previous one is empty).</summary>
    public sealed record Conversion(string From, string To, double? Rate);
    public sealed record StateDuration(ProposalState State, double? MedianDays, int Count);

    /// <summary>Total budget of funded projects per euro of public money granted to them (null without public money).</summary>
    public sealed record Leverage(string Group, decimal BudgetEur, decimal PublicEur, double? PerEuro);
    public sealed record Report(IReadOnlyList<YearRow> Years, IReadOnlyList<Conversion> Conversions, IReadOnlyList<StateDuration> Durations,
        Leverage Total, IReadOnlyList<Leverage> ByFunder, IReadOnlyList<Leverage> ByArea);

    /// <summary>The whole dashboard: its parts one after the other on one connection, held open across them.</summary>
    public static async Task<Report> ComputeAsync(ClusterDb db, int clusterId, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try { return await ComputeOpenAsync(db, clusterId, ct); }
        finally { await db.Database.CloseConnectionAsync(); }
    }

    private static async Task<Report> ComputeOpenAsync(ClusterDb db, int clusterId, CancellationToken ct)
    {
        var years = await YearsAsync(db, clusterId, null, ct);
        var totals = new[]
        {
            ("submitted", years.Sum(y => y.Submitted)), ("certified", years.Sum(y => y.Certified)), ("funded", years.Sum(y => y.Funded)),
            ("completed", years.Sum(y => y.Completed)), ("onTheMarket", years.Sum(y => y.OnTheMarket)),
        };
        var conversions = totals.Zip(totals.Skip(1), (a, b) => new Conversion(a.Item1, b.Item1, a.Item2 == 0 ? null : (double)b.Item2 / a.Item2)).ToList();
        var (total, byFunder, byArea) = await LeverageAsync(db, clusterId, null, ct);
        return new(years, conversions, await DurationsAsync(db, clusterId, ct), total, byFunder, byArea);
    }

    /// <summary>The funnel by year (one year only when <paramref name="only"/> is given): one count over the stages reached (<see cref="ProposalYearStage"/>).</summary>
    public static async Task<List<YearRow>> YearsAsync(ClusterDb db, int clusterId, int? only, CancellationToken ct)
    {
        var stages = db.ProposalYearStages.Where(s => s.ClusterId == clusterId);
        if (only is { } y) stages = stages.Where(s => s.Year == y);
        var counts = await stages.GroupBy(s => new { s.Year, s.Stage }).Select(g => new { g.Key.Year, g.Key.Stage, Count = g.Count() })
            .ToDictionaryAsync(x => (x.Year, x.Stage), x => x.Count, ct);
        int Of(int year, FunnelStage stage) => counts.GetValueOrDefault((year, stage));
        return [.. counts.Keys.Select(k => k.Year).Distinct().Order()
            .Select(year => new YearRow(year, Of(year, FunnelStage.WorkedOn), Of(year, FunnelStage.Submitted), Of(year, FunnelStage.Certified),
                Of(year, FunnelStage.Funded), Of(year, FunnelStage.Completed), Of(year, FunnelStage.OnTheMarket)))];
    }

    /// <summary>
    /// The median of the days proposals spent in each state they left, from one histogram: the moves counted per (state
    /// left, whole days) through the index <c>(ClusterId, From, DaysInPrevious)</c>, then the middle of each state's
    /// counts walked here. Days are whole numbers, so the histogram is small (a few thousand rows for 200,000 moves).
    /// </summary>
    public static async Task<List<StateDuration>> DurationsAsync(ClusterDb db, int clusterId, CancellationToken ct)
    {
        var histogram = await db.ProposalStateChanges.Where(s => s.ClusterId == clusterId && s.From != null && s.DaysInPrevious != null)
            .GroupBy(s => new { s.From, s.DaysInPrevious }).Select(g => new { State = g.Key.From!.Value, Days = g.Key.DaysInPrevious!.Value, Count = g.Count() })
            .ToListAsync(ct);
        return [.. histogram.GroupBy(h => h.State).OrderBy(g => g.Key).Select(g =>
        {
            var bins = g.OrderBy(h => h.Days).Select(h => (h.Days, h.Count)).ToList();
            var count = bins.Sum(b => b.Count);
            return new StateDuration(g.Key, (At(bins, (count - 1) / 2) + At(bins, count / 2)) / 2.0, count);
        })];
    }

    /// <summary>The value at 0-based <paramref name="rank"/> of the sorted values a histogram (ascending bins) counts.</summary>
    private static int At(List<(int Value, int Count)> bins, int rank)
    {
        foreach (var (value, count) in bins)
        {
            if (rank < count) return value;
            rank -= count;
        }
        throw new ArgumentOutOfRangeException(nameof(rank));
    }

    /// <summary>
    /// Funding leveraged: the funded projects' total budget per euro of public money granted, overall, by funder and by
    /// strategic area. Summed by (call, area) from the proposals' index alone (<see cref="Proposal.BudgetCents"/> is kept
    /// by the database), then named by the calls' funders: a handful of rows.
    /// </summary>
    public static async Task<(Leverage Total, List<Leverage> ByFunder, List<Leverage> ByArea)> LeverageAsync(ClusterDb db, int clusterId, int? fundedIn, CancellationToken ct)
    {
        var funded = db.Proposals.Where(p => p.ClusterId == clusterId && p.GrantedCents != null);
        // Driven from the moves' covering index (cluster, year, state) rather than a search of every funded proposal's moves.
        if (fundedIn is { } y)
        {
            var fundedThatYear = db.ProposalStateChanges.Where(s => s.ClusterId == clusterId && s.Year == y && s.To == Funded).Select(s => s.ProposalId);
            funded = funded.Where(p => fundedThatYear.Contains(p.Id));
        }
        var sums = await funded.GroupBy(p => new { p.CallId, p.StrategicAreaId })
            .Select(g => new { g.Key.CallId, g.Key.StrategicAreaId, Budget = g.Sum(p => p.BudgetCents), Granted = g.Sum(p => p.GrantedCents!.Value) })
            .ToListAsync(ct);
        var callIds = sums.Where(r => r.CallId != null).Select(r => r.CallId!.Value).Distinct().ToList();
        var funders = callIds.Count == 0 ? [] : await db.FundingCalls.Where(c => callIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Funder!.Name, c.Funder.Kind }).ToDictionaryAsync(c => c.Id, c => (c.Name, c.Kind), ct);
        // A funded proposal outside any call has no funder to name: "-", and its grant is not counted as public money.
        var rows = sums.Select(r => r.CallId is { } c && funders.TryGetValue(c, out var f)
            ? (Funder: f.Name, Public: Funder.IsPublicKind(f.Kind), r.StrategicAreaId, r.Budget, r.Granted)
            : (Funder: "-", Public: false, r.StrategicAreaId, r.Budget, r.Granted));
        static Leverage Of(string group, IEnumerable<(long Budget, long Public)> xs)
        {
            long budget = 0, pub = 0;
            foreach (var (b, p) in xs) { budget += b; pub += p; }
            return new(group, Dues.Money.Euros(budget), Dues.Money.Euros(pub), pub == 0 ? null : (double)budget / pub);
        }
        var items = rows.Select(r => (r.Funder, r.StrategicAreaId, r.Budget, Public: r.Public ? r.Granted : 0L)).ToList();
        return (Of("all", items.Select(i => (i.Budget, i.Public))),
            [.. items.GroupBy(i => i.Funder).OrderBy(g => g.Key).Select(g => Of(g.Key, g.Select(i => (i.Budget, i.Public))))],
            [.. items.GroupBy(i => i.StrategicAreaId).OrderBy(g => g.Key).Select(g => Of(g.Key?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-", g.Select(i => (i.Budget, i.Public))))]);
    }
}
