namespace ClusterHub.Strategy;

public static class StrategyLists
{
    /// <summary>A cluster's entries of one list, in the cluster's order.</summary>
    public static IQueryable<T> Of<T>(IQueryable<T> list, int clusterId) where T : StrategyListEntry =>
        list.Where(e => e.ClusterId == clusterId).OrderBy(e => e.Order).ThenBy(e => e.Code);
}
