namespace ClusterHub.Strategy;

/// <summary>
/// An entry of one of the cluster's strategic lists: the lists that proposals, competences and objectives
/// refer to. The base is not mapped; each list is its own table.
/// </summary>
public abstract class StrategyListEntry
{
    public int Id { get; set; }
    public int ClusterId { get; set; }

    /// <summary>Short and unique in the cluster's list ("A1", "DAS2"): what imports and exports use.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>Position in the list as the cluster presents it.</summary>
    public int Order { get; set; }
}

/// <summary>A strategic innovation area (Nuclear Valley has three).</summary>
public sealed class StrategicArea : StrategyListEntry;

/// <summary>A strategic activity domain (a DAS: domaine d'activité stratégique).</summary>
public sealed class ActivityDomain : StrategyListEntry;

/// <summary>A stage of the sector's value chain, from design to dismantling.</summary>
public sealed class ValueChainStage : StrategyListEntry;
