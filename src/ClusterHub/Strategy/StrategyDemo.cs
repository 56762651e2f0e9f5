using ClusterHub.Data;
using ClusterHub.Demo;

namespace ClusterHub.Strategy;

/// <summary>
/// Nuclear Valley's strategy lists. The three strategic areas are the source paper's; the names of the four
/// activity domains (the paper gives only "DAS 1–4") and the value-chain stages are illustrative.
/// </summary>
internal static class StrategyDemo
{
    public static async Task LoadAsync(DemoSeed seed, CancellationToken ct)
    {
        var db = seed.Get<ClusterDb>();
        var id = seed.ClusterId;
        db.StrategicAreas.AddRange(
            Entry<StrategicArea>(id, 1, "A1", "Eco-manufacturing and durability of medium and large components"),
            Entry<StrategicArea>(id, 2, "A2", "Management of high-performance components"),
            Entry<StrategicArea>(id, 3, "A3", "Maintenance and dismantling under extreme conditions"));
        db.ActivityDomains.AddRange(
            Entry<ActivityDomain>(id, 1, "DAS1", "New build: reactors and fuel-cycle facilities"),
            Entry<ActivityDomain>(id, 2, "DAS2", "Operating fleet: maintenance and lifetime extension"),
            Entry<ActivityDomain>(id, 3, "DAS3", "Dismantling, decommissioning and waste"),
            Entry<ActivityDomain>(id, 4, "DAS4", "Diversification into other demanding industries"));
        db.ValueChainStages.AddRange(
            Entry<ValueChainStage>(id, 1, "DESIGN", "Design and engineering"),
            Entry<ValueChainStage>(id, 2, "MANUFACTURING", "Manufacturing of components"),
            Entry<ValueChainStage>(id, 3, "CONSTRUCTION", "Construction and installation"),
            Entry<ValueChainStage>(id, 4, "OPERATION", "Operation and maintenance"),
            Entry<ValueChainStage>(id, 5, "DISMANTLING", "Dismantling and waste management"));
        await db.SaveChangesAsync(ct);
        seed.Log.WriteLine("strategy: 3 strategic areas, 4 activity domains, 5 value-chain stages");
    }

    private static T Entry<T>(int clusterId, int order, string code, string name) where T : StrategyListEntry, new() =>
        new() { ClusterId = clusterId, Order = order, Code = code, Name = name };
}
