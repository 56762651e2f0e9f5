namespace ClusterHub.Web;

/// <summary>One page of a collection; every list in the API and the pages returns this shape.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

public static class Paging
{
    public const int DefaultSize = 25;
    public const int MaxSize = 200;

    /// <summary>Clamps what a client asked for into a valid (page, size): page ≥ 1, 1 ≤ size ≤ 200.</summary>
    public static (int Page, int Size) Clamp(int? page, int? size) =>
        (Math.Max(1, page ?? 1), Math.Clamp(size ?? DefaultSize, 1, MaxSize));
}
