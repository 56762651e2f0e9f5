using System.Diagnostics;

namespace ClusterHub.Analytics.Projects;

/// <summary>An organisation's part in a project over the years it took part (first to last, inclusive).</summary>
public readonly record struct Participation(string Organisation, string Project, int FirstYear, int LastYear)
{
    /// <summary>A participation of one year.</summary>
    public Participation(string organisation, string project, int year) : this(organisation, project, year, year) { }
}

/// <summary>
/// The years a collaboration counts in, both ends included: the <c>years</c> before a reference year and that year
/// itself, so that a project still running with a consortium member is a conflict (N = 3 and 2020: 2017–2020).
/// </summary>
public readonly record struct YearWindow(int From, int To)
{
    public static YearWindow Before(int referenceYear, int years) =>
        years >= 0 ? new(referenceYear - years, referenceYear) : throw new ArgumentOutOfRangeException(nameof(years), years, "the number of years is negative");

    /// <summary>The last year of [first, last] ∩ [secondFirst, secondLast] ∩ this window, or null when they do not meet.</summary>
    public int? LastCommonYear(int first, int last, int secondFirst, int secondLast)
    {
        var (from, to) = (Math.Max(From, Math.Max(first, secondFirst)), Math.Min(To, Math.Min(last, secondLast)));
        return from <= to ? to : null;
    }
}

/// <summary>A project two organisations shared in a window, and the last year they were both in it (within the window).</summary>
public readonly record struct SharedProject(int Partner, int Project, int Year);

/// <summary>
/// Who took part in which project when, built once from participations and asked many times which organisations an
/// organisation shared a project with in a window of years.
/// </summary>
/// <remarks>
/// Organisations and projects get dense ids in order of first appearance; the same organisation twice in a project
/// is one participation over the union of its years. Two incidences in CSR form:
/// <code>
/// orgStart[o] .. orgStart[o+1]      o's participations, by project: orgProject[i], orgFirst[i], orgLast[i]
/// projectStart[p] .. projectStart[p+1]  p's participants, by organisation: projectOrg[j], projectFirst[j], projectLast[j]
/// </code>
/// A query walks the organisation's projects in the window and their participants: O(Σ consortium sizes of its
/// projects), no pair table (the H2020 projection has 1.3 million pairs; the index holds 145,000 participations twice).
/// </remarks>
public sealed class CollaborationIndex
{
    private readonly string[] organisations;
    private readonly string[] projects;
    private readonly Dictionary<string, int> organisationIds;
    private readonly int[] orgStart, orgProject, orgFirst, orgLast;
    private readonly int[] projectStart, projectOrg, projectFirst, projectLast;

    private CollaborationIndex(string[] organisations, string[] projects, Dictionary<string, int> organisationIds,
        int[] orgStart, int[] orgProject, int[] orgFirst, int[] orgLast,
        int[] projectStart, int[] projectOrg, int[] projectFirst, int[] projectLast)
    {
        (this.organisations, this.projects, this.organisationIds) = (organisations, projects, organisationIds);
        (this.orgStart, this.orgProject, this.orgFirst, this.orgLast) = (orgStart, orgProject, orgFirst, orgLast);
        (this.projectStart, this.projectOrg, this.projectFirst, this.projectLast) = (projectStart, projectOrg, projectFirst, projectLast);
    }

    public int OrganisationCount => organisations.Length;
    public int ProjectCount => projects.Length;

    /// <summary>Distinct (organisation, project) participations.</summary>
    public int ParticipationCount => orgProject.Length;

    public string Organisation(int id) => organisations[id];
    public string Project(int id) => projects[id];

    /// <summary>The organisation's dense id, or −1 when it took part in nothing indexed.</summary>
    public int IdOf(string organisation) => organisationIds.GetValueOrDefault(organisation, -1);

    /// <summary>Builds the index; a participation whose last year is before its first is refused.</summary>
    public static CollaborationIndex Build(IEnumerable<Participation> participations)
    {
        ArgumentNullException.ThrowIfNull(participations);
        var orgIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var projectIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var orgNames = new List<string>();
        var projectNames = new List<string>();
        var rows = new List<(long Key, int First, int Last)>();
        foreach (var p in participations)
        {
            if (p.LastYear < p.FirstYear)
                throw new ArgumentException($"participation of {p.Organisation} in {p.Project} ends ({p.LastYear}) before it starts ({p.FirstYear})", nameof(participations));
            if (!orgIds.TryGetValue(p.Organisation, out var o)) { orgIds[p.Organisation] = o = orgNames.Count; orgNames.Add(p.Organisation); }
            if (!projectIds.TryGetValue(p.Project, out var j)) { projectIds[p.Project] = j = projectNames.Count; projectNames.Add(p.Project); }
            rows.Add(((long)o << 32 | (uint)j, p.FirstYear, p.LastYear));
        }
        // By (organisation, project): one sort gives the organisation side in order and brings repeats together.
        var keys = rows.Select(r => r.Key).ToArray();
        var order = Enumerable.Range(0, keys.Length).ToArray();
        Array.Sort(keys, order);
        var (nOrg, nProject) = (orgNames.Count, projectNames.Count);
        var orgStart = new int[nOrg + 1];
        var (orgProject, orgFirst, orgLast) = (new List<int>(keys.Length), new List<int>(keys.Length), new List<int>(keys.Length));
        var owner = new List<int>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            var (o, j) = ((int)(keys[i] >> 32), (int)(keys[i] & 0xFFFFFFFF));
            var (first, last) = (rows[order[i]].First, rows[order[i]].Last);
            if (i > 0 && keys[i] == keys[i - 1])
            {
                orgFirst[^1] = Math.Min(orgFirst[^1], first);
                orgLast[^1] = Math.Max(orgLast[^1], last);
                continue;
            }
            orgStart[o + 1]++;
            orgProject.Add(j);
            orgFirst.Add(first);
            orgLast.Add(last);
            owner.Add(o);
        }
        for (var o = 0; o < nOrg; o++) orgStart[o + 1] += orgStart[o];

        // The project side by counting sort over the organisation side, which keeps each project's participants by organisation.
        var m = orgProject.Count;
        var projectStart = new int[nProject + 1];
        foreach (var j in orgProject) projectStart[j + 1]++;
        for (var j = 0; j < nProject; j++) projectStart[j + 1] += projectStart[j];
        var cursor = projectStart[..^1];
        var (projectOrg, projectFirst, projectLast) = (new int[m], new int[m], new int[m]);
        for (var i = 0; i < m; i++)
        {
            var at = cursor[orgProject[i]]++;
            (projectOrg[at], projectFirst[at], projectLast[at]) = (owner[i], orgFirst[i], orgLast[i]);
        }
        Debug.Assert(orgStart[nOrg] == m && projectStart[nProject] == m);
        return new CollaborationIndex([.. orgNames], [.. projectNames], orgIds,
            orgStart, [.. orgProject], [.. orgFirst], [.. orgLast], projectStart, projectOrg, projectFirst, projectLast);
    }

    /// <summary>Every project the two organisations shared in the window, most recent first (then by project id).</summary>
    public IReadOnlyList<SharedProject> Shared(int organisation, int partner, YearWindow window)
    {
        var found = new List<SharedProject>();
        if (organisation < 0 || partner < 0 || organisation == partner) return found;
        // Both participation lists are sorted by project: a merge.
        var (i, iEnd, j, jEnd) = (orgStart[organisation], orgStart[organisation + 1], orgStart[partner], orgStart[partner + 1]);
        while (i < iEnd && j < jEnd)
        {
            if (orgProject[i] < orgProject[j]) i++;
            else if (orgProject[i] > orgProject[j]) j++;
            else
            {
                if (window.LastCommonYear(orgFirst[i], orgLast[i], orgFirst[j], orgLast[j]) is { } year)
                    found.Add(new SharedProject(partner, orgProject[i], year));
                i++;
                j++;
            }
        }
        found.Sort((a, b) => a.Year != b.Year ? b.Year.CompareTo(a.Year) : a.Project.CompareTo(b.Project));
        return found;
    }

    /// <summary>
    /// Every partner the organisation shared a project with in the window, each with its most recent shared project as
    /// evidence (ties: the lowest project id), by partner id.
    /// </summary>
    public IReadOnlyList<SharedProject> Partners(int organisation, YearWindow window)
    {
        var scratch = new PartnerScratch(OrganisationCount);
        Partners(organisation, window, scratch);
        var found = new List<SharedProject>(scratch.Touched.Count);
        foreach (var q in scratch.Touched) found.Add(scratch.Evidence[q]);
        found.Sort((a, b) => a.Partner.CompareTo(b.Partner));
        return found;
    }

    /// <summary>Fills the scratch with the organisation's partners in the window (see <see cref="PartnerScratch"/>).</summary>
    internal void Partners(int organisation, YearWindow window, PartnerScratch scratch)
    {
        scratch.Reset();
        if (organisation < 0) return;
        for (var i = orgStart[organisation]; i < orgStart[organisation + 1]; i++)
        {
            var (first, last) = (orgFirst[i], orgLast[i]);
            if (last < window.From || first > window.To) continue;
            var p = orgProject[i];
            for (var j = projectStart[p]; j < projectStart[p + 1]; j++)
            {
                var q = projectOrg[j];
                if (q == organisation || window.LastCommonYear(first, last, projectFirst[j], projectLast[j]) is not { } year) continue;
                if (scratch.Stamp[q] != scratch.Current)
                {
                    scratch.Stamp[q] = scratch.Current;
                    scratch.Touched.Add(q);
                    scratch.Evidence[q] = new SharedProject(q, p, year);
                }
                else if (year > scratch.Evidence[q].Year || (year == scratch.Evidence[q].Year && p < scratch.Evidence[q].Project))
                    scratch.Evidence[q] = new SharedProject(q, p, year);
            }
        }
    }
}

/// <summary>
/// A worker's buffers for <see cref="CollaborationIndex.Partners(int, YearWindow, PartnerScratch)"/>: an organisation
/// q is a partner of the last query when <c>Stamp[q] == Current</c>, with <c>Evidence[q]</c>; stamps save clearing
/// an array of every organisation per query.
/// </summary>
internal sealed class PartnerScratch(int organisations)
{
    public readonly int[] Stamp = new int[organisations];
    public readonly SharedProject[] Evidence = new SharedProject[organisations];
    public readonly List<int> Touched = [];
    public int Current { get; private set; }

    public bool IsPartner(int organisation) => organisation >= 0 && Stamp[organisation] == Current;

    public void Reset()
    {
        Touched.Clear();
        Current++;
    }
}
