using System.CommandLine;
using System.Globalization;
using ClusterHub.Cli;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Assessment;

/// <summary><c>assess --cluster SLUG --year YEAR [--instrument KEY] [--format json|html|pdf] [--culture ko|en|fr] [-o FILE]</c>: the report the page and the API give.</summary>
internal static class AssessmentCommands
{
    public static Command Assess(TextWriter stdout)
    {
        var year = new Option<int>("--year") { Description = "The year assessed", Required = true };
        var instrument = new Option<string>("--instrument") { Description = "Instrument key (cipm, excellence, or a cluster's copy)", DefaultValueFactory = _ => Instruments.Cipm };
        var format = new Option<string>("--format") { Description = "json, html or pdf (pdf needs --output)", DefaultValueFactory = _ => "json" };
        var culture = new Option<string>("--culture") { Description = "en, fr or ko", DefaultValueFactory = _ => "en" };
        var assess = new Command("assess", "A cluster's assessment for a year: every factor with its score and evidence, the life-cycle stage and the findings")
            { CliVerbs.ClusterOption, year, instrument, format, culture, CliVerbs.OutputOption };
        assess.SetAction((parse, ct) =>
        {
            // Checked before the database is opened: a bad option costs nothing.
            var f = ReportOutput.ParseFormat(parse.GetValue(format)) ?? throw new CliException($"unknown format '{parse.GetValue(format)}': json, html or pdf");
            var language = ReportOutput.ParseCulture(parse.GetValue(culture)) ?? throw new CliException($"unknown culture '{parse.GetValue(culture)}': en, fr or ko");
            var y = parse.GetValue(year);
            if (Years.Validate(y) is { } bad) throw new CliException($"--year {bad.Reason}");
            var target = parse.GetValue(CliVerbs.OutputOption);
            if (f == ReportFormat.Pdf && target is null) throw new CliException("a PDF is binary: write it to a file with --output");
            return CliVerbs.WithServices(parse, async (sp, ct) =>
            {
                var db = sp.GetRequiredService<ClusterDb>();
                var clusterId = await CliVerbs.ClusterIdAsync(db, parse, ct);
                var cluster = await db.Clusters.AsNoTracking().SingleAsync(c => c.Id == clusterId, ct);
                var key = parse.GetValue(instrument)!;
                var report = await sp.GetRequiredService<Assessments>().ReportAsync(db, cluster, y, key, ct) ?? throw new CliException($"no instrument '{key}'");
                byte[] bytes;
                try { bytes = await ReportOutput.RenderAsync(report, f, language, sp.GetRequiredService<IStringLocalizer<Strings>>(), sp.GetRequiredService<ReportPdf>(), ct); }
                catch (ChromiumMissingException e) { throw new CliException(e.Message); }
                if (target is null) await stdout.WriteAsync(System.Text.Encoding.UTF8.GetString(bytes).AsMemory(), ct);
                else await File.WriteAllBytesAsync(target.FullName, bytes, ct);
                return 0;
            }, ct);
        });
        return assess;
    }
}
