using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClusterHub.Cli;
using ClusterHub.Data;

namespace ClusterHub.Tests.Cli;

/// <summary>The verbs as a user types them, on a fresh SQLite file: exit codes, stdout and the one line on stderr.</summary>
public sealed class CliTests() : CliSandbox("cli")
{
    private async Task<string> File(string name, string content)
    {
        var path = Path.Combine(Dir, name);
        await System.IO.File.WriteAllTextAsync(path, content);
        return path;
    }

    private static void OneLine(string stderr) => Assert.Single(stderr.TrimEnd().Split('\n'));

    private Task<int> CreateCluster() => Query(async db =>
    {
        db.Clusters.Add(new ClusterHub.Clusters.Cluster { Slug = "nv", Name = "NV" });
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Clusters_are_registered_once()
    {
        Assert.Equal(0, (await Run("clusters", "create", "nuclear-valley", "--name", "Nuclear Valley", "--region", "27")).Exit);
        var (exit, _, err) = await Run("clusters", "create", "nuclear-valley", "--name", "Again");
        Assert.Equal(1, exit);
        OneLine(err);
        Assert.Contains("already taken", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_creates_the_database()
    {
        var (exit, output, _) = await Run("migrate");
        Assert.Equal(0, exit);
        Assert.Contains("up to date", output, StringComparison.Ordinal);
        Assert.True(System.IO.File.Exists(Db));
    }

    [Fact]
    public async Task An_unknown_verb_exits_2_with_one_line_on_stderr()
    {
        var (exit, _, err) = await Run("frobnicate");
        Assert.Equal(2, exit);
        OneLine(err);
        Assert.StartsWith("clusterhub:", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_then_export_round_trips_and_a_bad_file_changes_nothing()
    {
        await CreateCluster();
        var good = await File("good.csv", "name,type,departement,joined_on\nForges Saône,Sme,71,2010-01-01\nÉcole Cluny,EngineeringSchool,71,2005-07-12\n");
        var (exit, output, err) = await Run("import", "members", good, "--cluster", "nv");
        Assert.True(exit == 0, err);
        Assert.Contains("2 created", output, StringComparison.Ordinal);

        var bad = await File("bad.csv", "name,type,departement,joined_on\nNouvelle,Sme,71,2010-01-01\n,Sme,999,yesterday\n");
        (exit, output, err) = await Run("import", "members", bad, "--cluster", "nv");
        Assert.Equal(1, exit);
        OneLine(err);
        Assert.Contains("bad.csv: 3 error(s); nothing was imported", err, StringComparison.Ordinal);
        Assert.Contains("bad.csv: row 3, column departement ('999')", output, StringComparison.Ordinal);

        (exit, output, _) = await Run("export", "members", "--cluster", "nv", "--format", "json");
        Assert.Equal(0, exit);
        var names = JsonDocument.Parse(output).RootElement.EnumerateArray().Select(m => m.GetProperty("name").GetString()).Order();
        Assert.Equal(["École Cluny", "Forges Saône"], names);

        var exported = Path.Combine(Dir, "out.csv");
        Assert.Equal(0, (await Run("export", "members", "--cluster", "nv", "-o", exported)).Exit);
        (exit, output, _) = await Run("import", "members", exported, "--cluster", "nv");
        Assert.Equal(0, exit);
        Assert.Contains("0 created, 0 updated, 2 unchanged", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_windows_1252_file_imports_with_its_accents_and_exports_to_xlsx_only_into_a_file()
    {
        await CreateCluster();
        var path = Path.Combine(Dir, "excel-fr.csv");
        await System.IO.File.WriteAllBytesAsync(path, System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!
            .GetBytes("name;type;city;joined_on\r\nSociété Élégante;Sme;Besançon;2012-04-02\r\n"));
        var (exit, output, err) = await Run("import", "members", path, "--cluster", "nv");
        Assert.True(exit == 0, err);
        Assert.Contains("1 created", output, StringComparison.Ordinal);

        (exit, _, err) = await Run("export", "members", "--cluster", "nv", "--format", "xlsx");
        Assert.Equal(1, exit);
        OneLine(err);
        var xlsx = Path.Combine(Dir, "members.xlsx");
        Assert.Equal(0, (await Run("export", "members", "--cluster", "nv", "--format", "xlsx", "-o", xlsx)).Exit);
        var rows = ClusterHub.Tests.Exchange.Xlsx.Rows(await System.IO.File.ReadAllBytesAsync(xlsx));
        Assert.Equal(("Société Élégante", "Besançon"), (rows[1]["A"], rows[1]["J"]));

        (exit, output, _) = await Run("export", "members", "--cluster", "nv");
        Assert.Equal(0, exit);
        Assert.StartsWith("\uFEFFname,type,", output, StringComparison.Ordinal); // the byte-order mark Excel needs
    }

    [Fact]
    public async Task Import_into_a_missing_cluster_or_from_a_missing_file_fails_cleanly()
    {
        await CreateCluster();
        var (exit, _, err) = await Run("import", "members", Path.Combine(Dir, "nope.csv"), "--cluster", "nv");
        Assert.Equal(1, exit);
        OneLine(err);
        Assert.Contains("file not found", err, StringComparison.Ordinal);
        var good = await File("g.csv", "name,type,joined_on\nX,Sme,2010-01-01\n");
        (exit, _, err) = await Run("import", "members", good, "--cluster", "elsewhere");
        Assert.Equal(1, exit);
        Assert.Contains("no cluster 'elsewhere'", err, StringComparison.Ordinal);
    }

    /// <summary>
    /// The reported case, as typed: <c>dotnet run --project src/ClusterHub -- import members samples/…</c>
    /// from the repository root answered "file not found", because the Web SDK ran the program in
    /// the project folder. Run for real (the built program, <c>--no-build</c>), not in-process, where
    /// the working directory never moves.
    /// </summary>
    [Fact]
    public async Task Dotnet_run_from_the_repository_root_reads_a_file_named_from_there()
    {
        await CreateCluster();
        var (exit, output, err) = await DotnetRun(RepositoryRoot, "import", "members", "samples/nuclear-valley/members.csv", "--cluster", "nv", "--database", Db);
        Assert.True(exit == 0, err);
        Assert.Contains("members.csv: 298 rows, 298 created", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Relative_inputs_outputs_and_database_are_the_folder_the_command_is_typed_in()
    {
        await CreateCluster();
        await File("ties.csv", "source,target,weight\na,b,1\nb,c,2\n");
        var (exit, _, err) = await DotnetRun(Dir, "network", "convert", "ties.csv", "-o", "ties.json");
        Assert.True(exit == 0, err);
        Assert.Contains("\"nodes\"", await System.IO.File.ReadAllTextAsync(Path.Combine(Dir, "ties.json")), StringComparison.Ordinal);

        (exit, _, err) = await DotnetRun(Dir, "export", "members", "--cluster", "nv", "-o", "members.csv", "--database", Path.GetFileName(Db));
        Assert.True(exit == 0, err);
        Assert.True(System.IO.File.Exists(Path.Combine(Dir, "members.csv")), "the export is not where the command was typed");
    }

    [Fact]
    public async Task The_default_database_is_one_place_said_alike_by_the_help_and_the_readme()
    {
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        Assert.Equal(Path.Combine(data, "ClusterHub", "clusterhub.db"), Database.DefaultFile);
        Assert.Equal(Database.DefaultFile, Database.Describe(null));
        Assert.Equal(Path.Combine(Dir, "x.db"), Database.Describe($"Data Source={Path.Combine(Dir, "x.db")}"));

        var (_, help, _) = await Run("--help");
        Assert.Contains(Database.DefaultLocation, Flat(help), StringComparison.Ordinal);
        var readme = await System.IO.File.ReadAllTextAsync(Path.Combine(RepositoryRoot, "README.md"));
        Assert.Contains(Database.DefaultLocation, Flat(readme), StringComparison.Ordinal);
        Assert.DoesNotContain("data/clusterhub.db", readme, StringComparison.Ordinal);
        static string Flat(string text) => Regex.Replace(text, @"\s+", " ");
    }

    private static string RepositoryRoot
    {
        get
        {
            var d = new DirectoryInfo(AppContext.BaseDirectory);
            while (d is not null && !System.IO.File.Exists(Path.Combine(d.FullName, "ClusterHub.slnx"))) d = d.Parent;
            return d?.FullName ?? throw new InvalidOperationException("no ClusterHub.slnx above " + AppContext.BaseDirectory);
        }
    }

    /// <summary><c>dotnet run --project src/ClusterHub -- ARGS</c> typed in <paramref name="folder"/>, on the build the tests run.</summary>
    private static async Task<(int Exit, string Out, string Err)> DotnetRun(string folder, params string[] args)
    {
        var configuration = typeof(CliTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["run", "--no-build", "-c", configuration, "--project", Path.Combine(RepositoryRoot, "src", "ClusterHub"), "--", .. args])
            start.ArgumentList.Add(a);
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Users_are_created_granted_and_given_tokens()
    {
        await CreateCluster();
        Assert.Equal(0, (await Run("users", "create", "ana@nv.example", "--password", "Secret-123!")).Exit);
        var (exit, _, err) = await Run("users", "create", "ana@nv.example", "--password", "Secret-123!");
        Assert.Equal(1, exit);
        Assert.Contains("already exists", err, StringComparison.Ordinal);
        Assert.Equal(0, (await Run("users", "grant", "ana@nv.example", "Manager", "--cluster", "nv")).Exit);
        (exit, _, err) = await Run("users", "grant", "ana@nv.example", "Emperor", "--cluster", "nv");
        Assert.Equal(1, exit);
        Assert.Contains("unknown role", err, StringComparison.Ordinal);
        var (tokenExit, token, _) = await Run("users", "token", "ana@nv.example");
        Assert.Equal(0, tokenExit);
        Assert.StartsWith("chp_", token.Trim(), StringComparison.Ordinal);
        (exit, _, _) = await Run("users", "create", "weak@nv.example", "--password", "x");
        Assert.Equal(1, exit);
    }
}
