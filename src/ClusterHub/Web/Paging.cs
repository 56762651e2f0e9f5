using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Web;

/// <summary>One page of a collection; every list in the API and the pages returns this shape.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    public int PageCount => Paging.PageCount(Total, PageSize);
}

public static class Paging
{
    public const int DefaultSize = 25;
    public const int MaxSize = 200;

    /// <summary>At least one page, even for an empty list; computed in 64 bits, as Total + PageSize overflows near int.MaxValue.</summary>
    public static int PageCount(int total, int size) => total == 0 ? 1 : (int)(((long)total + size - 1) / size);

    /// <summary>
    /// The one paging of every list: the total, then the page asked for. The size is clamped to 1–200 and the page to
    /// 1–last, so <c>?page=21474837</c> answers the last page under its own number rather than the first page under
    /// that one ((page − 1) × size is computed in 64 bits and would wrap in 32).
    /// <paramref name="ordered"/> needs a total order (ties broken), so that pages neither repeat nor skip rows.
    /// </summary>
    public static async Task<Page<T>> PageAsync<T>(this IQueryable<T> ordered, int? page, int? pageSize, CancellationToken ct)
    {
        var size = Math.Clamp(pageSize ?? DefaultSize, 1, MaxSize);
        var total = await ordered.CountAsync(ct);
        var number = Math.Clamp(page ?? 1, 1, PageCount(total, size));
        var items = await ordered.Skip((int)((long)(number - 1) * size)).Take(size).ToListAsync(ct);
        return new Page<T>(items, number, size, total);
    }

    /// <summary>
    /// The same paging over rows already in memory (a ranking computed from several sources): size clamped to 1–200,
    /// page to 1–last, the offset in 64 bits. The list must be in a total order.
    /// </summary>
    public static Page<T> PageOf<T>(this IReadOnlyList<T> ordered, int? page, int? pageSize)
    {
        var size = Math.Clamp(pageSize ?? Paging.DefaultSize, 1, Paging.MaxSize);
        var number = Math.Clamp(page ?? 1, 1, Paging.PageCount(ordered.Count, size));
        var skip = (long)(number - 1) * size;
        return new Page<T>([.. ordered.Skip((int)skip).Take(size)], number, size, ordered.Count);
    }
}
