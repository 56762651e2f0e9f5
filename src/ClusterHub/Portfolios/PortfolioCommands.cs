using System.CommandLine;
using System.Globalization;
using ClusterHub.Assessment;
using ClusterHub.Cli;
using ClusterHub.Data;
using ClusterHub.Members;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Portfolios;

/// <summary>
/// <c>portfolio create|grant|consent|import|export|rank</c>: the operations of the API on the command line (the CLI is the
/// machine owner's, as <c>users</c> is: it creates portfolios and grants roles without a platform administrator's login).
/// </summary>
internal static class PortfolioCommands
{
    private static readonly Option<string> PortfolioOption = new("--portfolio") { Description = "Portfolio slug, e.g. france-poles-v", Required = true };
    private static readonly Option<int?> YearOption = new("--year") { Description = "The year compared (default: the latest year with imported figures)" };
    private static readonly Option<string> InstrumentOption = new("--instrument") { Description = "cipm or excellence", DefaultValueFactory = _ => Instruments.Cipm };
    private static readonly Option<string?> RegionOption = new("--region") { Description = "Only clusters of this region" };
    private static readonly Option<string?> SectorOption = new("--sector") { Description = "Only clusters of this sector or theme" };
    private static readonly Option<string?> SortOption = new("--sort") { Description = "score (default), name, size, region, coverage or dim:KEY" };

    public static Command Portfolio(TextWriter stdout)
    {
        var root = new Command("portfolio", "National portfolios: many clusters assessed side by side");
        root.Subcommands.Add(Create(stdout));
        root.Subcommands.Add(Grant(stdout));
        root.Subcommands.Add(Consent(stdout));
        root.Subcommands.Add(Import(stdout));
        root.Subcommands.Add(Export(stdout));
        root.Subcommands.Add(Rank(stdout));
        return root;
    }

    private static async Task<int> IdAsync(ClusterDb db, ParseResult parse, CancellationToken ct)
    {
        var slug = parse.GetValue(PortfolioOption)!;
        return (PortfolioLimits.IsSlug(slug) ? await db.Set<Portfolio>().Where(p => p.Slug == slug).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct) : null)
            ?? throw new CliException($"no portfolio '{slug}'");
    }

    private static Command Create(TextWriter stdout)
    {
        var slug = new Option<string>("--slug") { Description = "Short URL-safe name", Required = true };
        var name = new Option<string>("--name") { Description = "The portfolio's name", Required = true };
        var description = new Option<string?>("--description") { Description = "What it compares" };
        var command = new Command("create", "Create a portfolio") { slug, name, description };
        command.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            var (outcome, created, errors) = await sp.GetRequiredService<PortfolioAccess>().CreateAsync(sp.GetRequiredService<ClusterDb>(),
                new(parse.GetValue(slug), parse.GetValue(name), parse.GetValue(description)), "cli:" + Environment.UserName, ct);
            if (outcome == PortfolioOutcome.Invalid) throw CliVerbs.Refused(errors);
            if (outcome != PortfolioOutcome.Done) throw new CliException($"a portfolio '{parse.GetValue(slug)}' exists already");
            stdout.WriteLine($"portfolio {created!.Slug} created");
            return 0;
        }, ct));
        return command;
    }

    private static Command Grant(TextWriter stdout)
    {
        var email = new Option<string>("--email") { Description = "The user's e-mail", Required = true };
        var role = new Option<string>("--role") { Description = "Analyst or Viewer", Required = true };
        var command = new Command("grant", "Grant a user a role in a portfolio") { PortfolioOption, email, role };
        command.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<ClusterDb>();
            var (outcome, errors) = await sp.GetRequiredService<PortfolioAccess>().GrantAsync(db, await IdAsync(db, parse, ct),
                new(parse.GetValue(email), parse.GetValue(role)), "cli:" + Environment.UserName, ct);
            if (outcome != PortfolioOutcome.Done) throw errors.Count > 0 ? CliVerbs.Refused(errors) : new CliException("the grant collided with another; run it again");
            stdout.WriteLine($"{parse.GetValue(email)} is {parse.GetValue(role)} of {parse.GetValue(PortfolioOption)}");
            return 0;
        }, ct));
        return command;
    }

    private static Command Consent(TextWriter stdout)
    {
        var revoke = new Option<bool>("--revoke") { Description = "Revoke the consent instead of giving it" };
        var command = new Command("consent", "A cluster's consent to appear in a portfolio (its manager's decision)") { CliVerbs.ClusterOption, PortfolioOption, revoke };
        command.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<ClusterDb>();
            var clusterId = await CliVerbs.ClusterIdAsync(db, parse, ct);
            var give = !parse.GetValue(revoke);
            var outcome = await sp.GetRequiredService<PortfolioAccess>().ConsentAsync(db, clusterId, parse.GetValue(PortfolioOption)!, give, "cli:" + Environment.UserName, ct);
            if (outcome == PortfolioOutcome.NotFound) throw new CliException($"no portfolio '{parse.GetValue(PortfolioOption)}'");
            if (outcome != PortfolioOutcome.Done) throw new CliException("the consent changed meanwhile; run it again");
            stdout.WriteLine($"{parse.GetValue(CliVerbs.ClusterOption)} {(give ? "appears" : "no longer appears")} in {parse.GetValue(PortfolioOption)}");
            return 0;
        }, ct));
        return command;
    }

    private static Command Import(TextWriter stdout)
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV or xlsx file: name, region, sector, year, size, illustrative and score columns" };
        var version = new Option<int?>("--version") { Description = "Instrument version the scores were given on (default: the latest)" };
        var command = new Command("import", "Import clusters that do not run on the platform, all or nothing") { file, PortfolioOption, InstrumentOption, version };
        command.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<ClusterDb>();
            var id = await IdAsync(db, parse, ct);
            var clock = sp.GetRequiredService<TimeProvider>();
            var instrument = await Instruments.ShippedAsync(db, clock, parse.GetValue(InstrumentOption)!, parse.GetValue(version), ct)
                ?? throw new CliException($"no instrument '{parse.GetValue(InstrumentOption)}'{(parse.GetValue(version) is { } v ? $" version {v}" : "")}");
            return await CliVerbs.ImportFileAsync(parse.GetValue(file)!, stdout, (bytes, name) =>
                PortfolioFile.ImportAsync(db, id, instrument, bytes, name, MemberFile.FormatOf(name), "cli:" + Environment.UserName, clock.GetUtcNow().UtcDateTime, ct));
        }, ct));
        return command;
    }

    private static async Task<PortfolioView> ViewAsync(IServiceProvider sp, ParseResult parse, CancellationToken ct)
    {
        if (parse.GetValue(YearOption) is { } y && Web.Years.Validate(y) is { } bad) throw new CliException($"--year {y}: {bad.Reason}");
        if (!PortfolioRanking.IsSort(parse.GetValue(SortOption))) throw new CliException($"--sort '{parse.GetValue(SortOption)}': score, name, size, region, coverage or dim:KEY");
        var db = sp.GetRequiredService<ClusterDb>();
        var id = await IdAsync(db, parse, ct);
        return await sp.GetRequiredService<PortfolioData>().ViewAsync(db, id, new(parse.GetValue(YearOption), parse.GetValue(InstrumentOption),
            parse.GetValue(RegionOption), parse.GetValue(SectorOption)), ct) ?? throw new CliException($"no instrument '{parse.GetValue(InstrumentOption)}'");
    }

    private static Command Export(TextWriter stdout)
    {
        var command = new Command("export", "Write the filtered ranking (csv, json or xlsx)")
            { PortfolioOption, YearOption, InstrumentOption, RegionOption, SectorOption, SortOption, CliVerbs.FormatOption, CliVerbs.OutputOption };
        command.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            var view = await ViewAsync(sp, parse, ct);
            await CliVerbs.WriteExportAsync(parse, stdout, PortfolioFile.Table(view), PortfolioRanking.Sorted(view.Rows, parse.GetValue(SortOption), null).ToAsyncEnumerable(), ct);
            return 0;
        }, ct));
        return command;
    }

    private static Command Rank(TextWriter stdout)
    {
        var top = new Option<int>("--top") { Description = "How many rows to print", DefaultValueFactory = _ => 20 };
        var command = new Command("rank", "Print the ranking: rank, score, coverage, size and name (missing scores as –, last)")
            { PortfolioOption, YearOption, InstrumentOption, RegionOption, SectorOption, SortOption, top };
        command.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            var view = await ViewAsync(sp, parse, ct);
            var c = CultureInfo.InvariantCulture;
            stdout.WriteLine(string.Create(c, $"{view.Name} · {view.InstrumentKey} · {view.Year} · {view.Rows.Count} clusters{(view.AnyIllustrative ? " (some values illustrative)" : "")}"));
            foreach (var r in PortfolioRanking.Sorted(view.Rows, parse.GetValue(SortOption), null).Take(Math.Max(0, parse.GetValue(top))))
                stdout.WriteLine(string.Create(c, $"{(r.Rank is { } k ? k.ToString(c) : "–"),4}  {(r.Score is { } s ? s.ToString("0.0", c) : "–"),5}  {r.Coverage,5:P0}  {(r.Size is { } n ? n.ToString(c) : "–"),6}  {r.Name}{(r.Source == RowSource.Platform ? " (platform)" : "")}{(r.Illustrative ? " *" : "")}"));
            return 0;
        }, ct));
        return command;
    }
}
