using ClusterHub.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Members;

public sealed record ImportReport(string File, int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Imports members into one cluster from the CLI or an upload, through this one path.
/// All rows are validated before anything is written; one bad row means nothing is stored,
/// and every error is reported, not only the first. A row matching an existing member
/// (same national identifier, else same normalised name and city) updates it, so
/// re-importing a file changes nothing.
/// </summary>
public static class MemberImport
{
    public static async Task<ImportReport> RunAsync(ClusterDb db, int clusterId, TextReader reader, string fileName, FileFormat format, DateOnly today, CancellationToken ct)
    {
        var (rows, errors) = MemberFile.Read(reader, fileName, format);
        if (errors.Count > 0) return new(fileName, rows.Count, 0, 0, 0, errors);

        var existing = await db.Members.Where(m => m.ClusterId == clusterId).Include(m => m.Contacts).ToListAsync(ct);
        var byId = existing.Where(m => m.NationalId != null).ToDictionary(m => m.NationalId!);
        var byNameCity = existing.GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
        var seenId = new Dictionary<string, int>();
        var seenName = new Dictionary<string, int>();
        var created = 0;

        foreach (var (row, input) in rows)
        {
            var nationalId = input.NationalId?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            var nameKey = Names.Normalize(input.Name) + "|" + Names.Normalize(input.City);
            if (!string.IsNullOrEmpty(nationalId) && !seenId.TryAdd(nationalId, row))
            { errors.Add(new(fileName, row, "national_id", input.NationalId, $"duplicates row {seenId[nationalId]}")); continue; }
            if (string.IsNullOrEmpty(nationalId) && !seenName.TryAdd(nameKey, row))
            { errors.Add(new(fileName, row, "name", input.Name, $"duplicates row {seenName[nameKey]} (same name and city)")); continue; }

            var member = (!string.IsNullOrEmpty(nationalId) ? byId.GetValueOrDefault(nationalId) : null) ?? byNameCity.GetValueOrDefault(nameKey);
            var isNew = member is null;
            member ??= new Member { Name = "", ClusterId = clusterId };
            var fieldErrors = MemberValidation.Apply(input, member, today);
            errors.AddRange(fieldErrors.Select(e => new ImportError(fileName, row, e.Field, e.Value, e.Reason)));
            if (fieldErrors.Count > 0) continue;
            if (isNew) { db.Members.Add(member); created++; }
        }
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear(); // nothing of a failed import may reach a later SaveChanges
            return new(fileName, rows.Count, 0, 0, 0, errors);
        }
        db.ChangeTracker.DetectChanges();
        var touched = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Modified or EntityState.Added or EntityState.Deleted)
            .Select(e => e.Entity switch { Member m => m.Id, MemberContact c => c.MemberId, MemberStatusChange s => s.MemberId, _ => 0 })
            .Where(id => id != 0).ToHashSet();
        var updated = existing.Count(m => touched.Contains(m.Id));
        var unchanged = rows.Count - created - updated;
        await db.SaveChangesAsync(ct); // one SaveChanges: one transaction
        return new(fileName, rows.Count, created, updated, unchanged, []);
    }

    private static string Key(Member m) => m.NormalizedName + "|" + Names.Normalize(m.City);
}
