using ClusterHub.Cli;
using ClusterHub.Web;

namespace ClusterHub.Networks;

/// <summary>Network analysis of collaboration and governance networks: the <c>network</c> verbs over the engine.</summary>
public sealed class NetworksFeature : IFeature
{
    public void AddVerbs(CliVerbs verbs) => verbs.Root.Subcommands.Add(NetworkCommands.Create(verbs.Out, verbs.Error));
}
