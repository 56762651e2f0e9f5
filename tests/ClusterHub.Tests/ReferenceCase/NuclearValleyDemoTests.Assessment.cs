using System.Globalization;
using System.Net;
using ClusterHub.Assessment;
using ClusterHub.Clusters;
using ClusterHub.Data;
using ClusterHub.Demo;
using ClusterHub.Indicators;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Tests.ReferenceCase;

// The reference case: from the Nuclear Valley demo alone the 2019 report reaches the paper's six findings, each with
// evidence computed from the demo's data, through the application's own registry (the governance network's and the
// funding mix's indicators included: 12 staff, 40 % public money, ties neither too strong nor too loose).
public abstract partial class NuclearValleyDemoTests<TApp>
{
    [Fact]
    public async Task The_2019_report_states_the_six_findings_with_evidence_computed_from_the_demo()
    {
        var (report, facts, html) = await app.WithDb(async (db, sp) =>
        {
            var cluster = await db.Clusters.AsNoTracking().SingleAsync(c => c.Slug == NuclearValleyDemo.Slug);
            var assessments = new Assessments(sp.GetRequiredService<IndicatorRegistry>(), TimeProvider.System, sp);
            var report = (await assessments.ReportAsync(db, cluster, 2019, Instruments.Cipm, default))!;
            // The same facts counted here, independently of the assessment's code.
            var end = new DateOnly(2019, 12, 31);
            var home = await ClusterOffice.HomeRegionsAsync(db, cluster.Id, default);
            var active = await db.Members.Where(m => m.ClusterId == cluster.Id && m.JoinedOn <= end && (m.Status == ClusterHub.Members.MemberStatus.Active || m.StatusSince > end))
                .Select(m => m.Region).ToListAsync();
            var founders = await db.Members.CountAsync(m => m.ClusterId == cluster.Id && m.IsFoundingMember);
            var l = sp.GetRequiredService<IStringLocalizer<Strings>>();
            var html = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var culture in ClusterHubApp.Cultures)
                using (new CultureScope(culture)) html[culture.Name] = ReportHtml.Document(report, l);
            return (report, (Active: active.Count, Home: active.Count(r => r is not null && home.Contains(r)), Founders: founders), html);
        });

        var findings = report.Findings.ToDictionary(f => f.Key);
        Assert.All(findings.Values, f => Assert.True(f.State == FindingState.Stated, $"{f.Key}: {f.State}"));
        Assert.Equal(9, facts.Founders); // the paper's forum of nine
        Assert.Equal(9, findings[FindingRules.Initiation].Evidence.Single(e => e.LabelKey == "Assessment.Evidence.founders").Value);
        Assert.Equal(2005, findings[FindingRules.Initiation].Evidence.Single(e => e.LabelKey == "Assessment.Evidence.label_year").Value);
        Assert.Contains("nuclear renaissance", findings[FindingRules.Momentum].Evidence[0].Text);
        Assert.Equal(facts.Active, findings[FindingRules.Momentum].Evidence.Single(e => e.LabelKey == "Indicator.members.active").Value);
        Assert.Equal((3, 2016), ((int)findings[FindingRules.Framework].Evidence[0].Value!, (int)findings[FindingRules.Framework].Evidence[1].Value!));
        var outside = findings[FindingRules.Hub].Evidence.Single(e => e.LabelKey == "Assessment.Evidence.outside_share").Value!.Value;
        Assert.Equal(1 - (double)facts.Home / facts.Active, outside, 9);
        Assert.Equal("40%", outside.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal)); // the paper's 40 % outside the regions
        Assert.True(findings[FindingRules.Hub].Evidence.Single(e => e.LabelKey == "Assessment.Evidence.outside_in_projects").Value >= 1);
        Assert.Equal((double)facts.Home / facts.Active, findings[FindingRules.Community].Evidence[0].Value!.Value, 9);
        Assert.Equal(LifeCycleStage.InstitutionForCollaboration, report.LifeCycle.Stage);

        // The report says them, in the three languages, with the demo's figures in the sentences.
        foreach (var (culture, text) in html)
        {
            Assert.Equal(6, System.Text.RegularExpressions.Regex.Count(text, "data-state=\"Stated\""));
            Assert.Contains(facts.Active.ToString(CultureInfo.InvariantCulture), text);
        }
        Assert.Contains("forum of 9 founding members", html["en"]);
        Assert.Contains("forum ascendant de 9 membres fondateurs", html["fr"]);
        Assert.Contains("9개 창립 회원", html["ko"]);
    }

    [Fact]
    public async Task An_observer_reads_the_six_findings_through_the_api()
    {
        var observer = await app.CreateClientAsync("Observer", NuclearValleyDemo.Slug);
        var report = await (await observer.GetAsync($"/api/v1/clusters/{NuclearValleyDemo.Slug}/assessment/2019")).Json(HttpStatusCode.OK);
        var states = report.GetProperty("findings").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!, f => f.GetProperty("state").GetString());
        Assert.Equal("Stated", states[FindingRules.Initiation]);
        Assert.Equal("Stated", states[FindingRules.Momentum]);
        Assert.Equal("Stated", states[FindingRules.Framework]);
        Assert.Equal("Stated", states[FindingRules.Community]);
        Assert.Equal("Stated", states[FindingRules.Hub]);        // the funding mix's indicators
        Assert.Equal("Stated", states[FindingRules.Governance]); // the governance network's
        var statement = report.GetProperty("findings")[0].GetProperty("statement").GetString();
        Assert.Contains("9 founding members", statement);
    }
}
