using System.Text.Json;

namespace ClusterHub.Tests.Cli;

/// <summary><c>assess</c> as a user types it: JSON on standard output, HTML and a PDF with Korean glyphs to files, one line on stderr when refused.</summary>
public sealed class AssessCommandTests() : CliSandbox("assess")
{
    private async Task ArrangeAsync()
    {
        var members = Path.Combine(Dir, "members.csv");
        await File.WriteAllTextAsync(members, "name,type,headcount,departement,joined_on,founding_member\nForges Saône,Sme,40,71,2010-01-01,yes\nÉcole Cluny,EngineeringSchool,,71,2005-07-12,yes\n");
        await Query(async db =>
        {
            db.Clusters.Add(new ClusterHub.Clusters.Cluster { Slug = "nv", Name = "NV", FoundedOn = new DateOnly(2005, 7, 12) });
            return await db.SaveChangesAsync();
        });
        Assert.Equal(0, (await Run("import", "members", members, "--cluster", "nv")).Exit);
    }

    [Fact]
    public async Task Assess_writes_the_report_as_json_html_and_pdf_and_refuses_bad_options_in_one_line()
    {
        await ArrangeAsync();
        var (exit, output, err) = await Run("assess", "--cluster", "nv", "--year", "2019");
        Assert.True(exit == 0, err);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal(("cipm", "InitiativeFormed"), (report.GetProperty("instrument").GetString(), report.GetProperty("lifeCycle").GetProperty("stage").GetString()));
        Assert.Equal(2, report.GetProperty("dimensions")[0].GetProperty("factors")[0].GetProperty("indicators")[0].GetProperty("evidence").GetProperty("value").GetDouble());

        (exit, _, err) = await Run("assess", "--cluster", "nv", "--year", "2019", "--instrument", "excellence", "--format", "html", "--culture", "fr", "-o", Path.Combine(Dir, "r.html"));
        Assert.True(exit == 0, err);
        Assert.Contains("Évaluation de NV en 2019", await File.ReadAllTextAsync(Path.Combine(Dir, "r.html")));

        var pdf = Path.Combine(Dir, "r.pdf");
        (exit, _, err) = await Run("assess", "--cluster", "nv", "--year", "2019", "--format", "pdf", "--culture", "ko", "-o", pdf);
        Assert.True(exit == 0, err);
        var bytes = await File.ReadAllBytesAsync(pdf);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        // Korean glyphs come from the CJK font, embedded by name (a subset: "ABCDEF+NotoSansCJKkr-…").
        Assert.Contains("NotoSansCJK", System.Text.Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);

        (exit, _, err) = await Run("assess", "--cluster", "nv", "--year", "2019", "--format", "pdf");
        Assert.Equal((1, "clusterhub: a PDF is binary: write it to a file with --output"), (exit, err.Trim()));
        (exit, _, err) = await Run("assess", "--cluster", "nv", "--year", "2019", "--culture", "de");
        Assert.Equal((1, "clusterhub: unknown culture 'de': en, fr or ko"), (exit, err.Trim()));
        (exit, _, err) = await Run("assess", "--cluster", "nv", "--year", "2019", "--instrument", "nope");
        Assert.Equal((1, "clusterhub: no instrument 'nope'"), (exit, err.Trim()));
        (exit, _, err) = await Run("assess", "--cluster", "nv", "--year", "1900");
        Assert.Equal(1, exit);
        Assert.Single(err.Trim().Split('\n'));
    }
}
