using System.Text.Json;

namespace ClusterHub.Tests.Cli;

/// <summary><c>finance import</c> and <c>finance report</c> as a user types them.</summary>
public sealed class FinanceCommandsTests() : CliSandbox("finance")
{
    [Fact]
    public async Task A_budget_imported_from_the_command_line_is_reported_with_its_measures_and_a_bad_file_changes_nothing()
    {
        await Query(async db =>
        {
            db.Clusters.Add(new ClusterHub.Clusters.Cluster { Slug = "nv", Name = "NV" });
            return await db.SaveChangesAsync();
        });
        var budget = Path.Combine(Dir, "budget.csv");
        await File.WriteAllTextAsync(budget, "year;source;payer;planned_eur;actual_eur\n2019;State;DGE;1000;1000\n2019;Regions;Région BFC;3000;3000\n2019;Services;;6000;6000\n");
        var (exit, output, err) = await Run("finance", "import", budget, "--cluster", "nv");
        Assert.True(exit == 0, err);
        Assert.Equal("budget.csv: 3 budget lines imported", output.Trim());

        (exit, output, err) = await Run("finance", "report", "--cluster", "nv", "--year", "2019", "--format", "json");
        Assert.True(exit == 0, err);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().Where(r => r.GetProperty("kind").GetString() == "measure")
            .ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("actual"));
        Assert.Equal(0.4, rows["finance.public_share"].GetDouble(), 12);
        Assert.Equal(0.3, rows["finance.regions_share"].GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, rows["finance.staff"].ValueKind); // no secretariat recorded: missing

        var bad = Path.Combine(Dir, "bad.csv");
        await File.WriteAllTextAsync(bad, "year,source,actual_eur\n2019,State,10\n2019,Lottery,5\n");
        (exit, output, err) = await Run("finance", "import", bad, "--cluster", "nv");
        Assert.Equal(1, exit);
        Assert.Equal("clusterhub: bad.csv: 1 error(s); nothing was imported", err.Trim());
        Assert.Contains("bad.csv: row 3, column source ('Lottery')", output, StringComparison.Ordinal);
        (exit, output, _) = await Run("finance", "report", "--cluster", "nv", "--year", "2019");
        Assert.Contains("2019,measure,finance.public_share,,,0.4", output, StringComparison.Ordinal); // the first import stands

        (exit, _, err) = await Run("finance", "report", "--cluster", "nv", "--year", "3000");
        Assert.Equal((1, "clusterhub: --year 3000: must be between 1950 and 2100"), (exit, err.Trim()));
    }
}
