using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Members;

/// <summary>The filters of the member list, shared by the page, the API and the export.</summary>
public sealed record MemberFilter
{
    public string? Search { get; init; }
    public MemberType? Type { get; init; }
    public SizeClass? Size { get; init; }
    public string? Region { get; init; }
    public MemberStatus? Status { get; init; }

    /// <summary>The archive instead of the directory (archived members are out of it by default).</summary>
    public bool? Archived { get; init; }

    /// <summary>name, -name, joined, -joined, type, region, size.</summary>
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }

    /// <summary>
    /// What the query binder lets through but names nothing: an enum given as a number that is no value
    /// of it (<c>?type=999</c>; words that are not values already fail binding with 400), or text no member
    /// can hold (a control character: PostgreSQL refuses U+0000 even as a parameter).
    /// </summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Search is not null && !Web.InputText.IsReadable(Search)) errors["search"] = [Web.InputText.Unreadable];
        if (Region is not null && !Web.InputText.IsReadable(Region)) errors["region"] = [Web.InputText.Unreadable];
        if (Type is { } t && !Enum.IsDefined(t)) errors["type"] = [$"is not one of {string.Join(", ", Enum.GetNames<MemberType>())}"];
        if (Size is { } s && !Enum.IsDefined(s)) errors["size"] = [$"is not one of {string.Join(", ", Enum.GetNames<SizeClass>())}"];
        if (Status is { } st && !Enum.IsDefined(st)) errors["status"] = [$"is not one of {string.Join(", ", Enum.GetNames<MemberStatus>())}"];
        return errors;
    }
}

/// <summary>A member as the public directory shows it: no contacts, no figures.</summary>
public sealed record MemberRow(int Id, string Name, MemberType Type, SizeClass SizeClass, string? Region, string? Departement,
    string? City, string Country, string? SectorCodes, bool IsFoundingMember, DateOnly JoinedOn, MemberStatus Status);

public static class MemberList
{
    public static IQueryable<Member> Filtered(ClusterDb db, int clusterId, MemberFilter f)
    {
        var q = db.Members.AsNoTracking().Where(m => m.ClusterId == clusterId && (m.ArchivedOn != null) == (f.Archived == true));
        // Text no member holds matches none; the pages do not validate their filters, and PostgreSQL refuses U+0000.
        if (f.Search is not null && !Web.InputText.IsReadable(f.Search) || f.Region is not null && !Web.InputText.IsReadable(f.Region)) return q.Where(m => false).OrderBy(m => m.Id);
        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            var term = Names.Normalize(f.Search);
            q = q.Where(m => m.NormalizedName.Contains(term) || (m.City != null && m.City.Contains(f.Search.Trim())) || m.NationalId == term);
        }
        if (f.Type is { } t) q = q.Where(m => m.Type == t);
        if (f.Size is { } s) q = q.Where(m => m.SizeClass == s);
        if (!string.IsNullOrWhiteSpace(f.Region)) q = q.Where(m => m.Region == f.Region);
        if (f.Status is { } st) q = q.Where(m => m.Status == st);
        return f.Sort switch
        {
            "-name" => q.OrderByDescending(m => m.NormalizedName).ThenBy(m => m.Id),
            "joined" => q.OrderBy(m => m.JoinedOn).ThenBy(m => m.Id),
            "-joined" => q.OrderByDescending(m => m.JoinedOn).ThenBy(m => m.Id),
            "type" => q.OrderBy(m => m.Type).ThenBy(m => m.NormalizedName),
            "region" => q.OrderBy(m => m.Region).ThenBy(m => m.NormalizedName),
            "size" => q.OrderBy(m => m.SizeClass).ThenBy(m => m.NormalizedName),
            _ => q.OrderBy(m => m.NormalizedName).ThenBy(m => m.Id),
        };
    }

    public static Task<Page<MemberRow>> PageAsync(ClusterDb db, int clusterId, MemberFilter f, CancellationToken ct) =>
        Filtered(db, clusterId, f).Select(Row).PageAsync(f.Page, f.PageSize, ct);

    public static readonly System.Linq.Expressions.Expression<Func<Member, MemberRow>> Row = m =>
        new MemberRow(m.Id, m.Name, m.Type, m.SizeClass, m.Region, m.Departement, m.City, m.Country, m.SectorCodes, m.IsFoundingMember, m.JoinedOn, m.Status);

    public static readonly Func<Member, MemberRow> ToRow = Row.Compile();
}
