using System.CommandLine;
using ClusterHub.Cli;
using ClusterHub.Data;
using ClusterHub.Web;

namespace ClusterHub.Clusters;

/// <summary><c>clusters create</c>: the platform administrator's registration, from the command line.</summary>
internal static class ClusterCommands
{
    public static Command Create(TextWriter stdout)
    {
        var slug = new Argument<string>("slug") { Description = "URL name, e.g. nuclear-valley" };
        var name = new Option<string>("--name") { Required = true };
        var region = new Option<string?>("--region") { Description = "INSEE region code of the head office, e.g. 27" };
        var sector = new Option<string?>("--sector");
        var create = new Command("create", "Register a cluster initiative") { slug, name, region, sector };
        create.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            var (cluster, errors) = await ClusterRegistration.CreateAsync(sp.GetRequiredService<ClusterDb>(),
                new(parse.GetValue(slug), parse.GetValue(name), null, null, parse.GetValue(region), parse.GetValue(sector), null),
                sp.GetRequiredService<TimeProvider>().Today(), ct);
            if (cluster is null) throw new CliException(string.Join("; ", errors.Select(e => $"{e.Key} {string.Join(", ", e.Value)}")));
            stdout.WriteLine($"created cluster {cluster.Slug}");
            return 0;
        }, ct));
        return new Command("clusters", "Manage cluster initiatives") { create };
    }
}
