using ClusterHub.Data;
using ClusterHub.Members;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Strategy;

public sealed record ListEntryInput(string Code, string Name, string? Description, int? Order);

public enum ListEdit { Done, NotFound, Invalid, DuplicateCode, InUse }

/// <summary>Adding and changing an entry of one of the cluster's strategic lists; its code stays unique in the list.</summary>
public static class StrategyListEdits
{
    public static List<FieldError> Validate(ListEntryInput input)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Code)) errors.Add(new("code", input.Code, "is required"));
        else if (input.Code.Trim().Length > StrategyLimits.Code) errors.Add(new("code", null, $"must be at most {StrategyLimits.Code} characters"));
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add(new("name", input.Name, "is required"));
        else if (input.Name.Length > StrategyLimits.Name) errors.Add(new("name", null, $"must be at most {StrategyLimits.Name} characters"));
        if (input.Description is { Length: > StrategyLimits.Description }) errors.Add(new("description", null, $"must be at most {StrategyLimits.Description} characters"));
        return errors;
    }

    public static async Task<(ListEdit, T?)> SaveAsync<T>(ClusterDb db, int clusterId, int? id, ListEntryInput input, CancellationToken ct) where T : StrategyListEntry, new()
    {
        if (Validate(input).Count > 0) return (ListEdit.Invalid, null);
        var code = input.Code.Trim();
        var entry = id is null ? new T { ClusterId = clusterId } : await db.Set<T>().SingleOrDefaultAsync(e => e.ClusterId == clusterId && e.Id == id, ct);
        if (entry is null) return (ListEdit.NotFound, null);
        if (await db.Set<T>().AnyAsync(e => e.ClusterId == clusterId && e.Code == code && e.Id != entry.Id, ct)) return (ListEdit.DuplicateCode, null);
        entry.Code = code;
        entry.Name = input.Name.Trim();
        entry.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        entry.Order = input.Order ?? (id is null ? await db.Set<T>().Where(e => e.ClusterId == clusterId).Select(e => (int?)e.Order).MaxAsync(ct) + 1 ?? 1 : entry.Order);
        if (id is null) db.Set<T>().Add(entry);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (UniqueViolation.Is(e)) { return (ListEdit.DuplicateCode, null); } // a concurrent add took the code
        return (ListEdit.Done, entry);
    }

    /// <summary>
    /// Removes an entry that nothing refers to any more (proposals, objectives, a competence's stage…); an entry still
    /// in use stays, and the answer says what uses it, so that the secretariat can move those first. The competence
    /// needs of an area are part of the area and go with it.
    /// </summary>
    public static async Task<(ListEdit Edit, IReadOnlyList<Reference> UsedBy)> RemoveAsync<T>(ClusterDb db, int clusterId, int id, CancellationToken ct) where T : StrategyListEntry
    {
        var entry = await db.Set<T>().SingleOrDefaultAsync(e => e.ClusterId == clusterId && e.Id == id, ct);
        if (entry is null) return (ListEdit.NotFound, []);
        var used = await References.ToAsync<T>(db, id, ct);
        if (used.Count > 0) return (ListEdit.InUse, used);
        db.Remove(entry);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (References.IsForeignKeyViolation(e)) { return (ListEdit.InUse, await References.ToAsync<T>(db, id, ct)); } // referred to meanwhile
        return (ListEdit.Done, []);
    }
}
