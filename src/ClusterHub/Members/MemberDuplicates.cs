using ClusterHub.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Members;

/// <summary>
/// The duplicate rule, as the unique indexes state it (<see cref="MemberConfiguration"/>): one member per national id
/// in a cluster; among members without one, one per normalised name and city. Checked first so the answer names the
/// other member; the index catches what a concurrent writer slips in between, with the same answer.
/// </summary>
public static class MemberDuplicates
{
    /// <summary>The field that makes <paramref name="member"/> a duplicate of another member, or null.</summary>
    public static async Task<FieldError?> FindAsync(ClusterDb db, Member member, CancellationToken ct)
    {
        var others = db.Members.AsNoTracking().Where(m => m.ClusterId == member.ClusterId && m.Id != member.Id);
        if (member.NationalId is { } id)
        {
            var holder = await others.Where(m => m.NationalId == id).Select(m => new { m.Id, m.Name }).FirstOrDefaultAsync(ct);
            return holder is null ? null : new FieldError("national_id", id, $"is already the national id of {holder.Name} (member {holder.Id})");
        }
        var same = await others.Where(m => m.NationalId == null && m.NormalizedName == member.NormalizedName && m.NormalizedCity == member.NormalizedCity)
            .Select(m => new { m.Id, m.Name }).FirstOrDefaultAsync(ct);
        return same is null ? null : new FieldError("name", member.Name, $"{same.Name} (member {same.Id}) has the same name in the same city; give a national id to tell them apart");
    }

    /// <summary>
    /// What is worth telling about a member that is stored all the same: other members of the cluster with its
    /// normalised name that are not duplicates by the rule above (another city, or a national id that tells them
    /// apart). A second entry for the same organisation or two homonyms: only a person can tell.
    /// </summary>
    public static async Task<IReadOnlyList<MemberWarning>> NamesakesAsync(ClusterDb db, Member member, CancellationToken ct)
    {
        var namesakes = await db.Members.AsNoTracking()
            .Where(m => m.ClusterId == member.ClusterId && m.Id != member.Id && m.NormalizedName == member.NormalizedName)
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.Name }).Take(10).ToListAsync(ct);
        return [.. namesakes.Select(m => new MemberWarning("name", "has the same name as another member of the cluster", m.Id, m.Name))];
    }

    /// <summary>Saves the member unless it is a duplicate; returns the duplicate's field error instead.</summary>
    public static async Task<FieldError?> SaveAsync(ClusterDb db, Member member, CancellationToken ct)
    {
        if (await FindAsync(db, member, ct) is { } duplicate) return duplicate;
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return await FindAsync(db, member, ct)
                ?? new FieldError(member.NationalId is null ? "name" : "national_id", member.NationalId ?? member.Name, "duplicates a member saved at the same moment");
        }
    }
}
