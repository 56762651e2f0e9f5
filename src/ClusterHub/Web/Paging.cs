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

    /// <summary>The last page whose first row, (page - 1) × size, an int can still count to: past it the offset overflows.</summary>
    public const int MaxPage = int.MaxValue / MaxSize + 1;

    /// <summary>Clamps what a client asked for into a valid (page, size): 1 ≤ page ≤ <see cref="MaxPage"/>, 1 ≤ size ≤ 200.</summary>
    public static (int Page, int Size) Clamp(int? page, int? size) =>
        (Math.Clamp(page ?? 1, 1, MaxPage), Math.Clamp(size ?? DefaultSize, 1, MaxSize));
}
