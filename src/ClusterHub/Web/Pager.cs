namespace ClusterHub.Web;

/// <summary>What <c>Web/_Pager.cshtml</c> needs: where we are, and how to link to another page.</summary>
public sealed record Pager(int PageNumber, int PageCount, Func<int, string> Link);
