using System.Net.Http.Headers;
using ClusterHub.Accounts;
using ClusterHub.Clusters;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterHub.Tests;

/// <summary>
/// The real application on a real Kestrel port and a fresh database of its own: a SQLite file,
/// or a new PostgreSQL database on the server named by <c>CLUSTERHUB_TEST_POSTGRES</c>
/// (test.sh starts a throwaway one). One instance per test class; nothing is shared but the migrated template each
/// class's database is copied from (<see cref="MigratedTemplate"/>).
/// </summary>
public abstract class ClusterHubApplication : IAsyncLifetime
{
    private WebApplication? app;
    public string BaseAddress { get; private set; } = "";
    protected abstract Task<string> CreateDatabaseAsync();
    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        app = ClusterHubApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], ConnectionString);
        // A copy of the template is already migrated: this finds nothing pending, and fails loudly if it did not.
        await using (var scope = app.Services.CreateAsyncScope())
            await Database.MigrateAsync(scope.ServiceProvider.GetRequiredService<ClusterDb>(), default);
        await app.StartAsync();
        BaseAddress = app.Urls.First();
        if (LoadsDemo) await WithDb<int>(async (_, sp) => { await ClusterHub.Demo.NuclearValleyDemo.LoadAsync(sp, TextWriter.Null, default); return 0; });
    }

    /// <summary>Whether the Nuclear Valley demo is loaded once for the class (its reference-case tests, which only read it).</summary>
    protected virtual bool LoadsDemo => false;

    public async Task DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
        await DropDatabaseAsync();
    }

    /// <summary>Runs <paramref name="work"/> against the application's database in a fresh scope.</summary>
    public async Task<T> WithDb<T>(Func<ClusterDb, IServiceProvider, Task<T>> work)
    {
        await using var scope = app!.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ClusterDb>(), scope.ServiceProvider);
    }

    public Task WithDb(Func<ClusterDb, Task> work) => WithDb<int>(async (db, _) => { await work(db); return 0; });

    public Task<Cluster> CreateClusterAsync(string slug) => WithDb<Cluster>(async (db, _) =>
    {
        var c = new Cluster { Slug = slug, Name = "Cluster " + slug, Region = "27" };
        db.Clusters.Add(c);
        await db.SaveChangesAsync();
        return c;
    });

    /// <summary>The password of every user the tests create.</summary>
    public const string Password = "Test-pass-1!";

    /// <summary>Creates a user with a role (or "admin") and returns an API client authenticated by a fresh access token.</summary>
    public async Task<HttpClient> CreateClientAsync(string role, string? cluster = null, string? member = null) =>
        (await CreatePersonAsync(role, cluster, member)).Api;

    /// <summary>Creates a user with a role (or "admin"): its e-mail and id (to log in on the pages, to name it in the API) and an API client.</summary>
    public async Task<TestPerson> CreatePersonAsync(string role, string? cluster = null, string? member = null)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.example";
        var (userId, token) = await WithDb(async (db, sp) =>
        {
            var admin = sp.GetRequiredService<UserAdministration>();
            var user = await admin.CreateAsync(email, Password, null, default);
            await admin.GrantAsync(email, role, cluster, member, default);
            return (user.Id, await AccessTokens.IssueAsync(db, TimeProvider.System, user.Id, "test", null, default));
        });
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new TestPerson(email, userId, client);
    }

    public HttpClient CreateAnonymousClient() => new() { BaseAddress = new Uri(BaseAddress) };

    /// <summary>The running application's services (endpoints, options), for tests that walk them.</summary>
    public IServiceProvider Services => app!.Services;

    /// <summary>
    /// Creates a user with a role (or "admin") and returns a client signed in through the login page, as a
    /// browser is: cookies kept, redirects not followed (so a test sees the status the page answered).
    /// </summary>
    public async Task<HttpClient> CreatePageClientAsync(string role, string? cluster = null, string? member = null)
    {
        var email = $"{role.ToLowerInvariant()}-page-{Guid.NewGuid():N}@test.example";
        await WithDb(async (_, sp) =>
        {
            var admin = sp.GetRequiredService<UserAdministration>();
            await admin.CreateAsync(email, "Test-pass-1!", null, default);
            await admin.GrantAsync(email, role, cluster, member, default);
            return 0;
        });
        return await LogInAsync(email);
    }

    /// <summary>A client signed in as <paramref name="email"/> (password <see cref="Password"/>) through the login page, cookies kept, redirects not followed.</summary>
    public async Task<HttpClient> LogInAsync(string email)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseAddress) };
        var form = await client.GetStringAsync("/account/login");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var login = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = "Test-pass-1!", ["__RequestVerificationToken"] = token,
        }));
        if (login.StatusCode != System.Net.HttpStatusCode.Redirect) throw new InvalidOperationException($"login as {email} answered {(int)login.StatusCode}");
        return client;
    }
}

/// <summary>
/// A database migrated once per test process, that every test class's database starts as a copy of: applying every
/// migration to each of the ~100 class databases (both providers) was a large share of the suite's time.
/// </summary>
internal static class MigratedTemplate
{
    public static async Task MigrateAsync(string connectionString)
    {
        await using var services = new ServiceCollection().AddSingleton(TimeProvider.System).AddClusterDb(connectionString).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await Database.MigrateAsync(scope.ServiceProvider.GetRequiredService<ClusterDb>(), default);
    }
}

/// <summary>A user the tests made: how to log in on the pages (e-mail, <see cref="ClusterHubApplication.Password"/>), its id, and an API client with its token.</summary>
public sealed record TestPerson(string Email, string UserId, HttpClient Api);

public class SqliteApplication : ClusterHubApplication
{
    private string file = "";

    /// <summary>The file this application's database starts as a copy of; by default an empty, migrated one (the browser
    /// tests give one with the Nuclear Valley demo loaded). A property: xUnit builds class fixtures with their only constructor.</summary>
    public Func<Task<string>>? Template { get; init; }

    private static readonly Lazy<Task<string>> Migrated = new(async () =>
    {
        var template = NewFile();
        await MigratedTemplate.MigrateAsync(ConnectionTo(template));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(template);
        return template;
    });

    public static string NewFile() => Path.Combine(Path.GetTempPath(), $"clusterhub-test-{Guid.NewGuid():N}.db");

    /// <summary>Unpooled: a template must be closed, its log folded into the file, before it is copied.</summary>
    public static string ConnectionTo(string path) => $"Data Source={path};Pooling=False";

    protected override async Task<string> CreateDatabaseAsync()
    {
        file = NewFile();
        File.Copy(await (Template is null ? Migrated.Value : Template()), file);
        // Pooled, as the application runs: a new SQLite connection reads the whole schema again, and unpooled every
        // query of every request opened one (the SQLite half of the suite ran three times slower than PostgreSQL's).
        return $"Data Source={file}";
    }

    protected override Task DropDatabaseAsync()
    {
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}")) Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
        foreach (var path in new[] { file, file + "-wal", file + "-shm" }) File.Delete(path);
        return Task.CompletedTask;
    }
}

public class PostgresApplication : ClusterHubApplication
{
    /// <summary>The server for PostgreSQL runs; test.sh sets it to the throwaway server it starts.</summary>
    public const string Variable = "CLUSTERHUB_TEST_POSTGRES";
    private string name = "";

    private static string Server => Environment.GetEnvironmentVariable(Variable)
        ?? throw new InvalidOperationException($"{Variable} is not set: run ./test.sh, which starts PostgreSQL, or set it to e.g. Host=127.0.0.1;Port=5433;Username=postgres;Password=…");

    // Pooled: a fresh physical connection (and its SCRAM handshake) per request made the PostgreSQL runs several times slower.
    private static string ConnectionTo(string database) => new Npgsql.NpgsqlConnectionStringBuilder(Server) { Database = database }.ConnectionString;

    /// <summary>The template, migrated once; its pool is cleared so that no session holds it (CREATE DATABASE … TEMPLATE requires that).</summary>
    private static readonly Lazy<Task<string>> Template = new(async () =>
    {
        var template = $"clusterhub_template_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{template}\"");
        await MigratedTemplate.MigrateAsync(ConnectionTo(template));
        Npgsql.NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => ExecuteAsync($"DROP DATABASE IF EXISTS \"{template}\" WITH (FORCE)").GetAwaiter().GetResult();
        return template;
    });

    // Two copies of one template at the same instant are refused ("source database is being accessed by other users").
    private static readonly SemaphoreSlim Copying = new(1);

    protected override async Task<string> CreateDatabaseAsync()
    {
        name = $"clusterhub_test_{Guid.NewGuid():N}";
        var template = await Template.Value;
        await Copying.WaitAsync();
        try { await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\""); }
        finally { Copying.Release(); }
        return ConnectionTo(name);
    }

    protected override async Task DropDatabaseAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>A statement on the server's maintenance database, outside any pool.</summary>
    private static async Task ExecuteAsync(string sql)
    {
        await using var conn = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>The Nuclear Valley demo on SQLite, loaded once for the class: the demo's figures are read by several tests.</summary>
public sealed class SqliteDemoApplication : SqliteApplication
{
    protected override bool LoadsDemo => true;
}

/// <summary>The Nuclear Valley demo on PostgreSQL, loaded once for the class.</summary>
public sealed class PostgresDemoApplication : PostgresApplication
{
    protected override bool LoadsDemo => true;
}
