using System.Globalization;
using ClusterHub.Data;
using ClusterHub.Exchange;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Members;

/// <summary>What an import did, or why it did nothing: <c>Errors</c> holds the first <see cref="LocatedErrors.Cap"/> errors, <c>ErrorCount</c> counts them all.</summary>
public sealed record ImportReport(string File, int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<LocatedError> Errors, int ErrorCount)
{
    public bool Succeeded => ErrorCount == 0;

    /// <summary>"first 1,000 of 175,155" when the error list is cut; null when it is whole.</summary>
    public string? ErrorsShown => ErrorCount > Errors.Count ? string.Create(CultureInfo.InvariantCulture, $"first {Errors.Count:N0} of {ErrorCount:N0}") : null;

    public static ImportReport Failed(string file, int rows, LocatedErrors errors) => new(file, rows, 0, 0, 0, errors.First, errors.Total);
}

/// <summary>
/// Imports members into one cluster from the CLI or an upload, through this one path.
/// Every row is validated and one bad row means nothing is stored; every error is counted (the first thousand
/// reported). A row matching an existing member (same national identifier, else same normalised name and city)
/// updates it, so re-importing a file changes nothing.
/// </summary>
/// <remarks>
/// The file is read once and never held whole, inside one transaction: each row is validated as it is read, and
/// batches of <see cref="BatchSize"/> valid rows are written (new members through multi-row inserts,
/// <see cref="BulkInsert{T}"/>; changed ones through the change tracker, cleared after each batch: 100,000 tracked
/// members took 1.5 GB and most of the time). From the first error on nothing more is written, the rest of the file is
/// still validated so that every error is reported, and the transaction is rolled back. Imports into one cluster run
/// one at a time (SQLite: the transaction takes the write lock at its start; PostgreSQL: it locks the cluster's row),
/// so the second of two identical uploads finds the first's members and reports them unchanged. A member saved
/// meanwhile by another path that collides with a row trips a unique index: the whole import is retried on what now
/// exists.
/// </remarks>
public static class MemberImport
{
    public const int BatchSize = 2_000;
    private const int Attempts = 3;

    /// <summary>Imports a file's bytes, whatever their encoding (see <see cref="DecodedText"/>).</summary>
    public static async Task<ImportReport> RunAsync(ClusterDb db, int clusterId, Stream bytes, string fileName, FileFormat format, DateOnly today, CancellationToken ct)
    {
        DecodedText text;
        try { text = await DecodedText.OpenAsync(bytes, fileName, ct); }
        catch (MalformedFileException e)
        {
            var errors = new LocatedErrors();
            errors.Add(e.Error);
            return ImportReport.Failed(fileName, 0, errors);
        }
        await using (text) return await RunAsync(db, clusterId, text, format, today, ct);
    }

    public static async Task<ImportReport> RunAsync(ClusterDb db, int clusterId, DecodedText text, FileFormat format, DateOnly today, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await strategy.ExecuteAsync(() => ImportAsync(db, clusterId, text, format, today, ct));
            }
            catch (Exception e) when (UniqueViolation.Is(e))
            {
                db.ChangeTracker.Clear();
                if (attempt < Attempts) continue;
                var errors = new LocatedErrors();
                errors.Add(new(text.File, 0, "", null, "members saved meanwhile keep colliding with rows of the file (same national id, or same name and city); import it again"));
                return ImportReport.Failed(text.File, 0, errors);
            }
        }
    }

    /// <summary>One pass, in one transaction: each row validated and matched to what exists now, valid rows written in batches.</summary>
    private static async Task<ImportReport> ImportAsync(ClusterDb db, int clusterId, DecodedText text, FileFormat format, DateOnly today, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql()) // SQLite's BEGIN IMMEDIATE has already serialised every writer
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Clusters\" WHERE \"Id\" = {clusterId} FOR NO KEY UPDATE", ct);

        // Keys of what exists, read after the lock. TryAdd: a duplicate left by older versions must not break the import,
        // and among members of one name and city the one without a national id is the one a row without one matches.
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var m in db.Members.AsNoTracking().Where(m => m.ClusterId == clusterId).OrderBy(m => m.NationalId == null ? 0 : 1).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.NationalId, m.NormalizedName, m.City }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (m.NationalId is not null) byId.TryAdd(m.NationalId, m.Id);
            byName.TryAdd(m.NormalizedName + "|" + Names.Normalize(m.City), m.Id);
        }

        var errors = new LocatedErrors();
        var seenId = new Dictionary<string, int>(StringComparer.Ordinal);
        var seenName = new Dictionary<string, int>(StringComparer.Ordinal);
        var inserts = new NewMembers(new(db), new(db), new(db));
        await using var members = inserts.Members;
        await using var contacts = inserts.Contacts;
        await using var history = inserts.History;
        var (rows, created, updated) = (0, 0, 0);
        var batch = new List<Row>(BatchSize);
        using (var reader = text.OpenReader())
        {
            foreach (var (row, input) in MemberFile.Read(reader, text.File, format, errors))
            {
                rows++;
                var (nationalId, nameKey) = Keys(input);
                if (nationalId is not null && !seenId.TryAdd(nationalId, row))
                { errors.Add(new(text.File, row, "national_id", input.NationalId, $"duplicates row {seenId[nationalId]}")); continue; }
                if (nationalId is null && !seenName.TryAdd(nameKey, row))
                { errors.Add(new(text.File, row, "name", input.Name, $"duplicates row {seenName[nameKey]} (same name and city)")); continue; }
                // Validated as a new member: a new row is then ready to insert, an existing one is applied to its stored copy below.
                var member = new Member { Name = "", ClusterId = clusterId };
                foreach (var e in MemberValidation.Apply(input, member, today))
                    errors.Add(new(text.File, row, e.Field, e.Value, e.Reason));
                if (errors.Total > 0) continue; // nothing more is written: the rest is only checked
                var existing = nationalId is not null && byId.TryGetValue(nationalId, out var i) ? i : byName.GetValueOrDefault(nameKey);
                batch.Add(new(input, existing, member));
                if (batch.Count < BatchSize) continue;
                var (c, u) = await WriteBatchAsync(db, batch, inserts, today, ct);
                (created, updated) = (created + c, updated + u);
                batch.Clear();
            }
        }
        if (errors.Total > 0) return ImportReport.Failed(text.File, rows, errors); // the transaction is rolled back unwritten
        var (lastCreated, lastUpdated) = await WriteBatchAsync(db, batch, inserts, today, ct);
        await transaction.CommitAsync(ct);
        (created, updated) = (created + lastCreated, updated + lastUpdated);
        return new(text.File, rows, created, updated, rows - created - updated, [], 0);
    }

    /// <summary>A valid row: what it says, the member it matches (0 for none), and the new member it makes.</summary>
    private sealed record Row(MemberInput Input, int ExistingId, Member AsNew);

    /// <summary>
    /// New members go straight to the database through multi-row inserts (SaveChanges' bookkeeping was most of an
    /// import's time), their keys reserved first so that their contacts and history can name them.
    /// </summary>
    private sealed record NewMembers(BulkInsert<Member> Members, BulkInsert<MemberContact> Contacts, BulkInsert<MemberStatusChange> History)
    {
        public async Task InsertAsync(List<Member> members, CancellationToken ct)
        {
            if (members.Count == 0) return;
            await Members.InsertWithKeysAsync(members, ct);
            var contacts = new List<MemberContact>();
            var history = new List<MemberStatusChange>();
            foreach (var member in members)
            {
                foreach (var contact in member.Contacts) { contact.MemberId = member.Id; contacts.Add(contact); }
                foreach (var change in member.StatusHistory) { change.MemberId = member.Id; history.Add(change); }
            }
            await Contacts.InsertManyAsync(contacts, ct);
            await History.InsertManyAsync(history, ct);
        }
    }

    /// <summary>
    /// One batch. New rows are inserted. Existing members are read untracked and the row applied to that copy: most rows
    /// of a re-import change nothing and then cost no tracking. Only members a row does change are read again, tracked,
    /// changed and saved; the tracker is emptied after the batch.
    /// </summary>
    private static async Task<(int Created, int Updated)> WriteBatchAsync(ClusterDb db, List<Row> batch, NewMembers inserts, DateOnly today, CancellationToken ct)
    {
        var ids = batch.Where(r => r.ExistingId != 0).Select(r => r.ExistingId).Distinct().ToList();
        var stored = ids.Count == 0 ? [] : await db.Members.AsNoTracking().Include(m => m.Contacts).Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var changed = new List<(MemberInput Input, int Id)>();
        var created = new List<Member>();
        foreach (var (input, id, asNew) in batch)
        {
            if (stored.TryGetValue(id, out var current))
            {
                var before = Snapshot(current);
                Apply(input, current, today);
                if (Snapshot(current) != before) changed.Add((input, id));
            }
            else created.Add(asNew); // a new row, or a member deleted meanwhile
        }
        await inserts.InsertAsync(created, ct);
        if (changed.Count == 0) return (created.Count, 0);

        var changedIds = changed.Select(c => c.Id).Distinct().ToList();
        var tracked = await db.Members.Include(m => m.Contacts).Where(m => changedIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        foreach (var (input, id) in changed) Apply(input, tracked[id], today);
        db.ChangeTracker.DetectChanges();
        var touched = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Modified or EntityState.Added or EntityState.Deleted)
            .Select(e => e.Entity switch { Member m => m.Id, MemberContact c => c.MemberId, MemberStatusChange s => s.MemberId, _ => 0 })
            .Where(id => id != 0).ToHashSet();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear(); // the next batch starts with an empty tracker: memory stays flat
        return (created.Count, tracked.Keys.Count(touched.Contains));
    }

    private static void Apply(MemberInput input, Member member, DateOnly today)
    {
        if (MemberValidation.Apply(input, member, today) is [var error, ..])
            throw new InvalidOperationException($"a row valid when checked is not when written: {error.Field} {error.Reason}");
    }

    /// <summary>Every column <see cref="MemberValidation.Apply"/> may change, contacts included: equal before and after means the row changed nothing.</summary>
    private static string Snapshot(Member m) => string.Join('\u001f', new object?[]
        {
            m.Name, m.NormalizedName, m.NormalizedCity, m.Type, m.Headcount, m.TurnoverEur, m.SizeClass, m.NationalId, m.Country, m.Region,
            m.Departement, m.NutsCode, m.City, m.SectorCodes, m.IsFoundingMember, m.JoinedOn, m.Status, m.StatusSince, m.StatusHistory.Count,
        }.Concat(m.Contacts.SelectMany(c => new object?[] { c.FullName, c.Role, c.Email, c.Phone, c.ConsentToContact })));

    /// <summary>The row's national id as stored, and its normalised name and city: the two ways a row names a member.</summary>
    private static (string? NationalId, string NameKey) Keys(MemberInput input)
    {
        var id = input.NationalId?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return (string.IsNullOrEmpty(id) ? null : id, Names.Normalize(input.Name) + "|" + Names.Normalize(input.City));
    }
}
