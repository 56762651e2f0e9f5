using System.Globalization;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects;

/// <summary>
/// <c>import projects</c>: past projects from a CSV or xlsx file in the shape <c>export projects</c> writes (<see cref="ProjectFile.Table"/>),
/// all or nothing, every problem a <see cref="LocatedError"/>.
/// <list type="bullet">
/// <item>One row per partner; the rows of one proposal repeat its key, the acronym and the call (any case), and its columns
/// (a repeated row may leave them empty; a different value is an error).</item>
/// <item>The state and the date of each move on the way to it (<see cref="ProjectHistory"/>): each becomes a
/// <see cref="ProposalStateChange"/> at that date with the days spent in the state before, so the funnel counts the project in
/// the years of its moves.</item>
/// <item>Calls by title (and funder when given), strategic areas and activity domains by code or name: an unknown one is an error.
/// <c>competences</c>: the codes of the taxonomy's competences the project needs, separated by spaces (an unknown code is an error).
/// Partners are members when their national id, else their name, finds one; otherwise non-members (a category is then required).</item>
/// <item>A proposal already in the cluster (same acronym and call) is left as it is: importing a file twice adds nothing.</item>
/// <item>Written through multi-row inserts (<see cref="BulkInsert{T}"/>) in one transaction: 20,000 proposals in seconds.
/// As with the members' import, those rows bypass the change history's per-field records; the moves carry the actor and the file.</item>
/// </list>
/// </summary>
public static class ProjectImport
{
    public const int BatchSize = 2_000;

    public static readonly string[] Required = ["acronym", "title", "state", "created_at", "partner", "partner_role"];

    /// <summary>Columns the export writes for reading and the import derives: the consortium, totals and dates come from the other columns.</summary>
    public static readonly string[] Derived = ["id", "coordinator", "partners", "budget_eur", "requested_eur", "state_since"];

    private static readonly string[] PartnerColumns = ["partner", "partner_national_id", "partner_role", "partner_category", "partner_budget_eur", "partner_requested_eur"];

    public static string[] Columns => [.. ProjectFile.Table.Columns.Select(c => c.Name)];

    private static string[] ProposalColumns => [.. Columns.Except(PartnerColumns).Except(Derived)];

    /// <summary>The blank to fill in, with the cluster's own calls and strategy lists among the valid values.</summary>
    public static async Task<ImportTemplate> TemplateAsync(ClusterDb db, int clusterId, CancellationToken ct)
    {
        var calls = await db.FundingCalls.AsNoTracking().Where(c => c.ClusterId == clusterId).OrderBy(c => c.Title).Select(c => c.Title + " (" + c.Funder!.Name + ")").ToListAsync(ct);
        var areas = await db.StrategicAreas.AsNoTracking().Where(a => a.ClusterId == clusterId).OrderBy(a => a.Order).Select(a => a.Code + " = " + a.Name).ToListAsync(ct);
        var domains = await db.ActivityDomains.AsNoTracking().Where(a => a.ClusterId == clusterId).OrderBy(a => a.Order).Select(a => a.Code + " = " + a.Name).ToListAsync(ct);
        var competences = await db.Competences.AsNoTracking().Where(c => c.ClusterId == clusterId).OrderBy(c => c.Order).ThenBy(c => c.Code).Select(c => c.Code + " = " + c.Name).ToListAsync(ct);
        var example = Columns.Select(c => c switch
        {
            "acronym" => "FORGE", "title" => "Forged components", "state" => nameof(ProposalState.Funded), "call" => calls.Count > 0 ? calls[0][..calls[0].LastIndexOf(" (", StringComparison.Ordinal)] : null,
            "strategic_area" => areas.Count > 0 ? areas[0].Split(" = ")[0] : null, "competences" => competences.Count > 0 ? string.Join(' ', competences.Take(2).Select(c => c.Split(" = ")[0])) : null,
            "duration_months" => "36", "trl_start" => "3", "trl_target" => "6", "granted_eur" => "450000",
            "created_at" => "2015-01-12", "submitted_at" => "2015-02-01", "under_review_at" => "2015-02-10", "certified_at" => "2015-03-05",
            "submitted_to_funder_at" => "2015-03-20", "funded_at" => "2015-09-30", "partner" => "Example Forge SA", "partner_national_id" => "552100554",
            "partner_role" => nameof(PartnerRole.Coordinator), "partner_category" => nameof(PartnerCategory.LargeCompany), "partner_budget_eur" => "1000000", "partner_requested_eur" => "300000",
            _ => (string?)null,
        }).ToList();
        return new ImportTemplate("projects", Columns, example,
        [
            KeyValuePair.Create("state", (IReadOnlyList<string>)Enum.GetNames<ProposalState>()),
            KeyValuePair.Create("dates", (IReadOnlyList<string>)["yyyy-mm-dd; created_at and the date of every move on the way to the state, e.g. Funded: " +
                string.Join(", ", ProjectHistory.Path(ProposalState.Funded).Select(ProjectHistory.Column))]),
            KeyValuePair.Create("call", (IReadOnlyList<string>)(calls.Count > 0 ? calls : ["(no call yet: leave empty)"])),
            KeyValuePair.Create("strategic_area", (IReadOnlyList<string>)(areas.Count > 0 ? areas : ["(no strategic area yet: leave empty)"])),
            KeyValuePair.Create("activity_domain", (IReadOnlyList<string>)(domains.Count > 0 ? domains : ["(no activity domain yet: leave empty)"])),
            KeyValuePair.Create("competences", (IReadOnlyList<string>)(competences.Count > 0 ? ["codes separated by spaces, of:", .. competences] : ["(no competence taxonomy yet: leave empty)"])),
            KeyValuePair.Create("partner_role", (IReadOnlyList<string>)Enum.GetNames<PartnerRole>()),
            KeyValuePair.Create("partner_category", (IReadOnlyList<string>)Enum.GetNames<PartnerCategory>()),
            KeyValuePair.Create("rows", (IReadOnlyList<string>)["one row per partner; a proposal's rows repeat its acronym and call; " + string.Join(", ", Derived) + " are ignored"]),
        ]);
    }

    /// <summary>Imports a file's bytes; <paramref name="actor"/> is recorded on every imported move.</summary>
    public static async Task<ImportReport> RunAsync(ClusterDb db, int clusterId, Stream bytes, string fileName, FileFormat format, string actor, CancellationToken ct)
    {
        var errors = new LocatedErrors();
        if (format == FileFormat.Json)
        {
            errors.Add(new(fileName, 1, "", null, "json files are not imported: import the sheet as CSV or xlsx"));
            return ImportReport.Failed(fileName, 0, errors);
        }
        ImportTableRows rows;
        try
        {
            await using var table = await TableRows.OpenAsync(bytes, fileName, format, ct);
            rows = ImportTable.Read(table.Rows, fileName, Columns, Required, errors);
        }
        catch (MalformedFileException e) { errors.Add(e.Error); return ImportReport.Failed(fileName, 0, errors); }
        if (errors.Total > 0) return ImportReport.Failed(fileName, rows.Count, errors);

        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql()) // imports into one cluster run one at a time, so a second identical file finds the first's proposals
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Clusters\" WHERE \"Id\" = {clusterId} FOR NO KEY UPDATE", ct);
        var context = await Context.LoadAsync(db, clusterId, ct);
        var groups = rows.GroupBy(r => Key(r.Cells["acronym"], r.Cells["call"])).ToList();
        var proposals = new List<Proposal>();
        var unchanged = 0;
        foreach (var group in groups)
        {
            var parsed = Parse(fileName, clusterId, [.. group], context, errors, actor);
            if (parsed is null) continue;
            if (context.Existing.Contains(Key(parsed.Acronym, parsed.CallId))) { unchanged++; continue; }
            proposals.Add(parsed);
        }
        if (errors.Total > 0) return ImportReport.Failed(fileName, groups.Count, errors);

        await using (var inserts = new BulkInsert<Proposal>(db))
        await using (var partners = new BulkInsert<ProposalPartner>(db))
        await using (var moves = new BulkInsert<ProposalStateChange>(db))
        await using (var needs = new BulkInsert<ProposalCompetence>(db))
        {
            foreach (var batch in proposals.Chunk(BatchSize))
            {
                await inserts.InsertWithKeysAsync(batch, ct);
                foreach (var p in batch) { p.Partners.ForEach(x => x.ProposalId = p.Id); p.StateChanges.ForEach(m => m.ProposalId = p.Id); p.Competences.ForEach(c => c.ProposalId = p.Id); }
                await partners.InsertManyAsync([.. batch.SelectMany(p => p.Partners)], ct);
                await moves.InsertManyAsync([.. batch.SelectMany(p => p.StateChanges)], ct);
                await needs.InsertManyAsync([.. batch.SelectMany(p => p.Competences)], ct);
            }
        }
        await transaction.CommitAsync(ct);
        return new(fileName, groups.Count, proposals.Count, 0, unchanged, [], 0);
    }

    /// <summary>The key a proposal is matched on, in the file and in the cluster: its acronym (normalised) and its call.</summary>
    private static string Key(string? acronym, string? call) => Names.Normalize(acronym) + "\u001f" + (InputText.Blank(call)?.ToUpperInvariant() ?? "");

    private static string Key(string acronym, int? callId) => Names.Normalize(acronym) + "\u001f#" + callId?.ToString(CultureInfo.InvariantCulture);

    /// <summary>What rows are checked against, loaded once: the cluster's calls, lists, members and the keys of its proposals.</summary>
    private sealed record Context(Dictionary<string, List<(int Id, string Funder)>> Calls, Dictionary<string, int> Areas, Dictionary<string, int> Domains,
        Dictionary<string, int> MembersById, Dictionary<string, int> MembersByName, ProposalLookups Lookups, HashSet<string> Existing)
    {
        public static async Task<Context> LoadAsync(ClusterDb db, int clusterId, CancellationToken ct)
        {
            var calls = (await db.FundingCalls.AsNoTracking().Where(c => c.ClusterId == clusterId).Select(c => new { c.Id, c.Title, Funder = c.Funder!.Name }).ToListAsync(ct))
                .GroupBy(c => c.Title.Trim().ToUpperInvariant()).ToDictionary(g => g.Key, g => g.Select(c => (c.Id, c.Funder)).ToList());
            static Dictionary<string, int> Codes(IEnumerable<(int Id, string Code, string Name)> entries)
            {
                var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                foreach (var e in entries) { map.TryAdd(e.Code.Trim(), e.Id); }
                foreach (var e in entries) { map.TryAdd(e.Name.Trim(), e.Id); } // a code wins over another entry's name
                return map;
            }
            var areas = Codes((await db.StrategicAreas.AsNoTracking().Where(a => a.ClusterId == clusterId).Select(a => new { a.Id, a.Code, a.Name }).ToListAsync(ct)).Select(a => (a.Id, a.Code, a.Name)));
            var domains = Codes((await db.ActivityDomains.AsNoTracking().Where(a => a.ClusterId == clusterId).Select(a => new { a.Id, a.Code, a.Name }).ToListAsync(ct)).Select(a => (a.Id, a.Code, a.Name)));
            var members = await db.Members.AsNoTracking().Where(m => m.ClusterId == clusterId).OrderBy(m => m.Id)
                .Select(m => new { m.Id, m.Name, m.Type, m.SizeClass, m.NationalId, m.NormalizedName }).ToListAsync(ct);
            var byId = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var m in members.Where(m => m.NationalId is not null)) byId.TryAdd(NationalId(m.NationalId)!, m.Id);
            // A name finds a member only when one member bears it: two namesakes leave the partner a non-member rather than guess.
            var byName = members.GroupBy(m => m.NormalizedName).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Id, StringComparer.Ordinal);
            var lookups = new ProposalLookups(calls.Values.SelectMany(c => c.Select(x => x.Id)).ToHashSet(), areas.Values.ToHashSet(), domains.Values.ToHashSet(),
                members.ToDictionary(m => m.Id, m => new PartnerMember(m.Id, m.Name, m.Type, m.SizeClass)), await ClusterHub.Competences.Declarations.CodesAsync(db, clusterId, ct));
            var existing = (await db.Proposals.AsNoTracking().Where(p => p.ClusterId == clusterId).Select(p => new { p.Acronym, p.CallId }).ToListAsync(ct))
                .Select(p => Key(p.Acronym, p.CallId)).ToHashSet(StringComparer.Ordinal);
            return new(calls, areas, domains, byId, byName, lookups, existing);
        }
    }

    private static string? NationalId(string? id) => InputText.Blank(id)?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>One proposal's rows: its columns from the first row (the others must agree), a partner per row, the moves; null with errors added when anything is wrong.</summary>
    private static Proposal? Parse(string file, int clusterId, (int Row, Dictionary<string, string?> Cells)[] rows, Context context, LocatedErrors errors, string actor)
    {
        var before = errors.Total;
        var (first, cells) = rows[0];
        void Fail(int row, string column, string? value, string reason) => errors.Add(new(file, row, column, string.IsNullOrEmpty(value) ? null : InputText.Echo(value), reason));
        string? Cell(string column) => InputText.Blank(cells[column]);

        foreach (var (row, other) in rows.Skip(1))
            foreach (var column in ProposalColumns)
                if (InputText.Blank(other[column]) is { } v && !string.Equals(v, Cell(column), StringComparison.Ordinal))
                    Fail(row, column, v, $"differs from row {first} of the same proposal ('{InputText.Echo(Cell(column) ?? "")}')");

        ProposalState state = default;
        if (Cell("state") is not { } stateText) Fail(first, "state", null, "is required");
        else if (!Enum.TryParse(stateText, true, out state) || !Enum.IsDefined(state) || char.IsDigit(stateText[0]))
            Fail(first, "state", stateText, $"must be one of {string.Join(", ", Enum.GetNames<ProposalState>())}");

        int? callId = null;
        if (Cell("call") is { } callTitle)
        {
            var funder = Cell("funder");
            var found = context.Calls.GetValueOrDefault(callTitle.ToUpperInvariant())?.Where(c => funder is null || string.Equals(c.Funder, funder, StringComparison.OrdinalIgnoreCase)).ToList() ?? [];
            if (found.Count == 1) callId = found[0].Id;
            else if (found.Count == 0) Fail(first, funder is not null && context.Calls.ContainsKey(callTitle.ToUpperInvariant()) ? "funder" : "call",
                funder is not null && context.Calls.ContainsKey(callTitle.ToUpperInvariant()) ? funder : callTitle,
                funder is not null && context.Calls.ContainsKey(callTitle.ToUpperInvariant()) ? $"is not the funder of the call '{InputText.Echo(callTitle)}'" : "is not a call of this cluster (create the call first; the template lists the calls)");
            else Fail(first, "funder", funder, $"is needed: several funders have a call '{InputText.Echo(callTitle)}'");
        }
        else if (Cell("funder") is { } lone) Fail(first, "funder", lone, "names a funder without a call");

        int? List(string column, Dictionary<string, int> entries, string what)
        {
            if (Cell(column) is not { } text) return null;
            if (entries.TryGetValue(text, out var id)) return id;
            Fail(first, column, text, $"is not a {what} of this cluster (by code or name; the template lists them)");
            return null;
        }
        var area = List("strategic_area", context.Areas, "strategic area");
        var domain = List("activity_domain", context.Domains, "activity domain");

        int Whole(string column)
        {
            if (Cell(column) is not { } text) { Fail(first, column, null, "is required"); return 0; }
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return n;
            Fail(first, column, text, "must be a whole number");
            return 0;
        }
        var duration = Whole("duration_months");
        var trlStart = Whole("trl_start");
        var trlTarget = Whole("trl_target");

        decimal? Euros(int row, Dictionary<string, string?> from, string column, bool required)
        {
            if (InputText.Blank(from[column]) is not { } text) { if (required) Fail(row, column, null, "is required"); return null; }
            if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var eur)
                && eur is >= 0 and <= ProposalValidation.MaxBudgetEur) return eur;
            Fail(row, column, text, $"must be an amount in euros between 0 and {ProposalValidation.MaxBudgetEur:0} (a dot for decimals)");
            return null;
        }
        var granted = Euros(first, cells, "granted_eur", false);

        DateTime? Day(string column)
        {
            if (Cell(column) is not { } text) return null;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && Years.Validate(d.Year) is null)
                return d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            Fail(first, column, text, "must be a date yyyy-mm-dd between 1950 and 2100");
            return null;
        }
        var created = Day("created_at");
        if (Cell("created_at") is null) Fail(first, "created_at", null, "is required");
        var dates = ProjectHistory.Dated.ToDictionary(s => s, s => Day(ProjectHistory.Column(s)));

        var partners = new List<PartnerInput>();
        foreach (var (row, p) in rows)
        {
            var name = InputText.Blank(p["partner"]);
            if (name is null) Fail(row, "partner", null, "is required");
            PartnerRole role = default;
            if (InputText.Blank(p["partner_role"]) is not { } roleText) Fail(row, "partner_role", null, "is required");
            else if (!Enum.TryParse(roleText, true, out role) || !Enum.IsDefined(role) || char.IsDigit(roleText[0]))
                Fail(row, "partner_role", roleText, $"must be one of {string.Join(", ", Enum.GetNames<PartnerRole>())}");
            PartnerCategory? category = null;
            if (InputText.Blank(p["partner_category"]) is { } categoryText)
            {
                if (Enum.TryParse<PartnerCategory>(categoryText, true, out var c) && Enum.IsDefined(c) && !char.IsDigit(categoryText[0])) category = c;
                else Fail(row, "partner_category", categoryText, $"must be one of {string.Join(", ", Enum.GetNames<PartnerCategory>())}");
            }
            var budget = Euros(row, p, "partner_budget_eur", false) ?? 0;
            var requested = Euros(row, p, "partner_requested_eur", false) ?? 0;
            int? member = NationalId(p["partner_national_id"]) is { } nid && context.MembersById.TryGetValue(nid, out var byId) ? byId
                : name is not null && context.MembersByName.TryGetValue(Names.Normalize(name), out var byName) ? byName : null;
            partners.Add(new PartnerInput(member, name, category, role, budget, requested));
        }
        if (errors.Total > before) return null;

        var path = ProjectHistory.Path(state);
        var previous = (Column: "created_at", At: created!.Value);
        foreach (var s in ProjectHistory.Dated)
        {
            var column = ProjectHistory.Column(s);
            if (!path.Contains(s) && dates[s] is not null) Fail(first, column, Cell(column), $"is not on the way to {state} ({string.Join(" → ", path.Prepend(ProposalState.Draft))}): leave it empty");
        }
        foreach (var s in path)
        {
            var column = ProjectHistory.Column(s);
            if (dates[s] is not { } at) { Fail(first, column, null, $"is required: a proposal in state {state} moved through {s}"); continue; }
            if (at < previous.At) Fail(first, column, Cell(column), $"is before {previous.Column} ({previous.At:yyyy-MM-dd})");
            previous = (column, at);
        }
        if (errors.Total > before) return null;

        var proposal = new Proposal { ClusterId = clusterId, Title = "", Acronym = "" };
        var competences = Cell("competences")?.Split([' ', '\t', ',', ';'], StringSplitOptions.RemoveEmptyEntries);
        var input = new ProposalInput(Cell("title"), Cell("acronym"), null, callId, area, domain, duration, trlStart, trlTarget, null, partners, competences);
        foreach (var e in ProposalValidation.Apply(input, proposal, context.Lookups))
        {
            var (row, column) = Locate(e.Field, rows);
            Fail(row, column, e.Value, e.Reason);
        }
        if (errors.Total > before) return null;

        proposal.State = state;
        proposal.CreatedAt = created.Value;
        proposal.StateSince = previous.At;
        proposal.GrantedCents = granted is { } g ? Dues.Money.Cents(g) : null;
        var reason = "imported from " + file;
        proposal.StateChanges.Add(new ProposalStateChange { ClusterId = clusterId, To = ProposalState.Draft, At = created.Value, Actor = actor, Reason = reason });
        var (from, since) = (ProposalState.Draft, created.Value);
        foreach (var s in path)
        {
            var at = dates[s]!.Value;
            proposal.StateChanges.Add(new ProposalStateChange { ClusterId = clusterId, From = from, To = s, At = at, DaysInPrevious = (int)(at - since).TotalDays, Actor = actor, Reason = reason });
            (from, since) = (s, at);
        }
        return proposal;
    }

    /// <summary>Where in the file a field of <see cref="ProposalValidation"/> came from: <c>partners[2].budgetEur</c> → the third row's <c>partner_budget_eur</c>.</summary>
    private static (int Row, string Column) Locate(string field, (int Row, Dictionary<string, string?> Cells)[] rows)
    {
        if (field.StartsWith("partners[", StringComparison.Ordinal))
        {
            var close = field.IndexOf(']', StringComparison.Ordinal);
            var i = int.Parse(field.AsSpan(9, close - 9), CultureInfo.InvariantCulture);
            var column = field[(close + 1)..] switch { ".budgetEur" => "partner_budget_eur", ".requestedEur" => "partner_requested_eur", ".category" => "partner_category", _ => "partner" };
            return (rows[Math.Min(i, rows.Length - 1)].Row, column);
        }
        return field switch
        {
            "partners" => (rows[0].Row, "partner_role"),
            "durationMonths" => (rows[0].Row, "duration_months"),
            "trlStart" => (rows[0].Row, "trl_start"),
            "trlTarget" => (rows[0].Row, "trl_target"),
            "strategicAreaId" => (rows[0].Row, "strategic_area"),
            "activityDomainId" => (rows[0].Row, "activity_domain"),
            "callId" => (rows[0].Row, "call"),
            _ when field.StartsWith("competences[", StringComparison.Ordinal) => (rows[0].Row, "competences"),
            _ => (rows[0].Row, field),
        };
    }
}
