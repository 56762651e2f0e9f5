using ClusterHub.History;

namespace ClusterHub.Competences;

/// <summary>
/// One entry of a cluster's competence taxonomy: a technology domain's capability ("Welding"), optionally placed at a
/// value-chain stage, with the level each strategic area needs of it (<see cref="Needs"/>).
/// </summary>
public sealed class Competence : IVersioned
{
    public int Id { get; set; }
    public int ClusterId { get; set; }

    /// <summary>Short, unique in the cluster, what files and the search name it by: "WELD".</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>The technology domain it belongs to ("Manufacturing", "Digital"), free text grouping the taxonomy.</summary>
    public required string Domain { get; set; }

    /// <summary>A <see cref="Strategy.ValueChainStage"/> of the same cluster, or none.</summary>
    public int? ValueChainStageId { get; set; }
    public string? Description { get; set; }
    public int Order { get; set; }
    public int Version { get; set; }

    public List<CompetenceNeed> Needs { get; set; } = [];
}

/// <summary>The level (1–4) a strategic area needs of a competence; an area that does not need it has no row.</summary>
public sealed class CompetenceNeed : IHistoryPart
{
    public int Id { get; set; }
    public int CompetenceId { get; set; }
    public int StrategicAreaId { get; set; }
    public int Level { get; set; }

    string IHistoryPart.SubjectType => nameof(Competence);
    int IHistoryPart.SubjectId => CompetenceId;
}

/// <summary>Where a declaration stands: declared by the member, then validated or rejected by the secretariat.</summary>
public enum DeclarationState { Declared, Validated, Rejected }

/// <summary>
/// A member's statement that it holds a competence at a level (1 awareness, 2 practice, 3 expertise, 4 reference),
/// with its evidence. Only validated declarations count in the analyses. One per member and competence: declaring
/// again replaces the level and evidence and sends it back to the secretariat.
/// </summary>
public sealed class CompetenceDeclaration : IVersioned
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public int MemberId { get; set; }
    public Members.Member? Member { get; set; }
    public int CompetenceId { get; set; }
    public Competence? Competence { get; set; }
    public int Level { get; set; }

    /// <summary>Certifications held, separated by ';': "RCC-M; ISO 19443".</summary>
    public string? Certifications { get; set; }

    /// <summary>References: projects, clients, products that show the competence.</summary>
    public string? References { get; set; }
    public DateOnly DeclaredOn { get; set; }
    public DeclarationState State { get; set; }
    public string? DecidedBy { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? RejectionReason { get; set; }
    public int Version { get; set; }
}
