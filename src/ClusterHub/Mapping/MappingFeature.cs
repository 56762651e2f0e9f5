using ClusterHub.Cli;
using ClusterHub.Web;

namespace ClusterHub.Mapping;

/// <summary>Cluster mapping: location quotients, specialisation, shift-share and cluster strength from regional statistics.</summary>
public sealed class MappingFeature : IFeature
{
    public void AddVerbs(CliVerbs verbs) => verbs.Root.Subcommands.Add(MappingCommands.Create(verbs.Out, verbs.Error));
}
