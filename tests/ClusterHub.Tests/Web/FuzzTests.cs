using System.Globalization;
using System.Net.Http.Headers;
using System.Reflection;
using System.Security.Claims;
using System.Text;
using ClusterHub.Accounts;
using ClusterHub.Clusters;
using ClusterHub.Dues;
using ClusterHub.Members;
using CsCheck;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ClusterHub.Tests.Web;

/// <summary>
/// Issue 8 §4: no input answers 500. Every endpoint under <c>/api</c> is taken from the running application's
/// <see cref="EndpointDataSource"/> (so a new endpoint is fuzzed without touching this file); its route values,
/// query string and body are filled from its handler's parameters with hostile values (huge strings, control
/// characters, unpaired surrogates, numbers at the limits of their types, dates at the ends of the calendar,
/// wrong JSON types, malformed and deeply nested JSON, random CSV and bytes for the import) and sent as a
/// manager, an observer and a platform administrator. Every answer must be below 500, every error a
/// ProblemDetails (or the body the endpoint declares for that status, like the import's report), and
/// afterwards every stored member, cluster, tier and invoice must pass the rules that let it in.
/// <para>
/// CsCheck rather than FsCheck: its generators are plain C# values composed with LINQ, it needs no
/// registration of arbitraries per type, and its PCG seeds print as short strings that replay a run exactly.
/// The run is one seeded sequence, not a shrinking search: each request changes the database the next one
/// meets, so a failure is reproduced by replaying the whole run from its seed
/// (<c>CLUSTERHUB_FUZZ_SEED=… dotnet test --filter FuzzOn…</c>; <c>CLUSTERHUB_FUZZ_CASES</c> runs longer).
/// </para>
/// </summary>
public abstract class FuzzTests<TApp>(TApp app, ITestOutputHelper output) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private const string DefaultSeed = "6lusterHub01";

    /// <summary>
    /// About 15 s on SQLite and 40 s on PostgreSQL here: the test databases are opened without connection pooling,
    /// so every query of every request signs in to PostgreSQL anew (with pooling, 400 requests take 17 s).
    /// </summary>
    private const int DefaultCases = 200;

    [Fact]
    public async Task No_input_to_any_api_endpoint_answers_500_or_stores_a_half_record()
    {
        var seed = Environment.GetEnvironmentVariable("CLUSTERHUB_FUZZ_SEED") is { Length: > 0 } s ? s == "random" ? new PCG((uint)Environment.TickCount).ToString() : s : DefaultSeed;
        var cases = int.TryParse(Environment.GetEnvironmentVariable("CLUSTERHUB_FUZZ_CASES"), CultureInfo.InvariantCulture, out var n) ? n : DefaultCases;

        var world = await SeedAsync();
        var targets = await app.WithDb((_, sp) => Task.FromResult(Targets(sp)));
        Assert.True(targets.Count >= 10, $"only {targets.Count} API endpoints found");
        var perTarget = targets.Select(t => CaseFor(t, world)).ToArray();
        var gen = Gen.Int[0, targets.Count - 1].SelectMany(i => perTarget[i]);

        var pcg = PCG.Parse(seed);
        var statuses = new SortedDictionary<int, int>();
        var stored = targets.ToDictionary(t => t, _ => 0);
        for (var i = 0; i < cases; i++)
        {
            var caseSeed = pcg.ToString();
            var c = gen.Generate(pcg, null!, out _);
            var (status, media, body) = await SendAsync(world, c);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status is >= 200 and < 300) stored[c.Target]++;
            var problem = status >= 500 ? "a server error"
                : status >= 400 && media != "application/problem+json" && !Declares(c.Target.Endpoint, status) ? $"an error that is not a ProblemDetails ({media ?? "no content type"})"
                : null;
            if (problem is not null)
                Assert.Fail($"Case {i} (case seed {caseSeed}) answered {status}, {problem}.\n{c}\n→ {Cut(body, 2000)}\n"
                    + $"Replay the run: CLUSTERHUB_FUZZ_SEED={seed} CLUSTERHUB_FUZZ_CASES={i + 1}");
        }
        output.WriteLine($"seed {seed}, {cases} requests over {targets.Count} endpoints: " + string.Join(", ", statuses.Select(p => $"{p.Key}×{p.Value}")));
        output.WriteLine("answered 2xx: " + string.Join(", ", stored.Select(p => $"{p.Key} ×{p.Value}")));
        Assert.True(statuses.Keys.Any(k => k is >= 200 and < 300) && statuses.Keys.Any(k => k is >= 400 and < 500), "the run should both store and refuse");

        await AssertEverythingStoredIsValidAsync();
    }

    // ---------------------------------------------------------------- the world the requests meet

    /// <summary>A cluster with members, tiers and invoices to aim at, and one client per role.</summary>
    private sealed record World(string Slug, int[] Ids, IReadOnlyDictionary<string, HttpClient> Clients);

    private async Task<World> SeedAsync()
    {
        var c = await app.CreateClusterAsync("fuzz-" + typeof(TApp).Name.ToLowerInvariant());
        var clients = new Dictionary<string, HttpClient>
        {
            ["Manager"] = await app.CreateClientAsync("Manager", c.Slug),
            ["Observer"] = await app.CreateClientAsync("Observer", c.Slug),
            ["admin"] = await app.CreateClientAsync("admin"),
        };
        foreach (var client in clients.Values) client.DefaultRequestHeaders.ExpectContinue = true; // a 413 before the body is sent
        var manager = clients["Manager"];
        var csv = "name,type,headcount,departement,joined_on\nAlpha,Sme,20,71,2010-01-01\nBeta,MicroStartup,3,21,2012-05-01\nGamma,University,,69,2005-07-12\n";
        Assert.True((await manager.PostAsync($"/api/v1/clusters/{c.Slug}/members/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).IsSuccessStatusCode);
        Assert.True((await manager.PutAsync($"/api/v1/clusters/{c.Slug}/dues/tiers/2020", new StringContent(
            """[{"memberType":"Sme","sizeClass":"Small","amountEur":800},{"memberType":"MicroStartup","sizeClass":"Unknown","amountEur":300}]""",
            Encoding.UTF8, "application/json"))).IsSuccessStatusCode);
        Assert.True((await manager.PostAsync($"/api/v1/clusters/{c.Slug}/dues/renewals", new StringContent("""{"year":2020}""", Encoding.UTF8, "application/json"))).IsSuccessStatusCode);
        var ids = await app.WithDb((db, _) => Task.FromResult(db.Members.Where(m => m.ClusterId == c.Id).Select(m => m.Id)
            .Concat(db.Invoices.Where(i => i.ClusterId == c.Id).Select(i => i.Id)).ToArray()));
        return new World(c.Slug, ids, clients);
    }

    // ---------------------------------------------------------------- the endpoints, from the application

    private sealed record QueryParameter(string Name, Type Type);

    /// <summary>One method of one API route and what its handler binds.</summary>
    private sealed record Target(string Method, RoutePattern Pattern, IReadOnlyList<QueryParameter> Query, Type? JsonBody, bool RawBody, Endpoint Endpoint)
    {
        public override string ToString() => $"{Method} {Pattern.RawText}";
    }

    private static List<Target> Targets(IServiceProvider services)
    {
        var isService = services.GetRequiredService<IServiceProviderIsService>();
        var targets = new List<Target>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (!(endpoint.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("api/", StringComparison.Ordinal)) continue;
            var handler = endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault()
                ?? throw new InvalidOperationException($"{endpoint.DisplayName}: no handler method in its metadata");
            var route = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var body = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            var query = new List<QueryParameter>();
            var raw = false;
            foreach (var p in handler.GetParameters())
            {
                var type = p.ParameterType;
                if (route.Contains(p.Name!) || type == body || type == typeof(CancellationToken) || type == typeof(HttpContext)
                    || type == typeof(ClaimsPrincipal) || type == typeof(ClusterScope) || isService.IsService(type)) continue;
                if (type == typeof(HttpRequest)) raw = true;
                else if (p.GetCustomAttribute<AsParametersAttribute>() is not null) query.AddRange(type.GetProperties().Select(q => new QueryParameter(q.Name, q.PropertyType)));
                else query.Add(new(p.Name!, type));
            }
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                targets.Add(new(method, endpoint.RoutePattern, query, body, raw && method is "POST" or "PUT", endpoint));
        }
        return targets;
    }

    /// <summary>Whether the endpoint declares a body of its own for an error status (the import's report), which is then not a ProblemDetails.</summary>
    private static bool Declares(Endpoint endpoint, int status) =>
        endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Any(p => p.StatusCode == status && p.Type is { } t && t != typeof(void)
            && !typeof(Microsoft.AspNetCore.Mvc.ProblemDetails).IsAssignableFrom(t) && !typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails).IsAssignableFrom(t));

    // ---------------------------------------------------------------- one request

    private sealed record Case(Target Target, string Role, string Path, string Query, string? ContentType, byte[]? Body)
    {
        public override string ToString() =>
            $"{Role}: {Target.Method} {Cut(Path + Query, 600)}" + (Body is null ? "" : $"\n{ContentType ?? "(no content type)"}, {Body.Length} bytes: {Cut(Encoding.UTF8.GetString(Body), 600)}");
    }

    private static async Task<(int Status, string? Media, string Body)> SendAsync(World world, Case c)
    {
        using var request = new HttpRequestMessage(new HttpMethod(c.Target.Method), c.Path + c.Query);
        if (c.Body is not null)
        {
            request.Content = new ByteArrayContent(c.Body);
            if (c.ContentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(c.ContentType);
        }
        using var response = await world.Clients[c.Role].SendAsync(request);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private static Gen<Case> CaseFor(Target target, World world)
    {
        var role = Gen.Frequency((14, Gen.Const("Manager")), (3, Gen.Const("admin")), (3, Gen.Const("Observer")));
        var path = PathGen(target.Pattern, world);
        var query = QueryGen(target.Query);
        Gen<(string?, byte[]?)> body =
            target.JsonBody is { } type ? Gen.Frequency(
                (5, JsonGen.Hostile.Value(type, 0).Select(j => ((string?)"application/json", (byte[]?)Encoding.UTF8.GetBytes(j)))),
                (5, NearlyValid.Of(type).Select(j => ((string?)"application/json", (byte[]?)Encoding.UTF8.GetBytes(j)))),
                (2, JsonGen.Hostile.Malformed.Select(j => ((string?)"application/json", (byte[]?)j))),
                (1, JsonGen.Hostile.Value(type, 0).Select(j => ((string?)"text/plain", (byte[]?)Encoding.UTF8.GetBytes(j)))),
                (1, Gen.Const(((string?)null, (byte[]?)null))))
            : target.RawBody ? Files.Upload
            : Gen.Const(((string?)null, (byte[]?)null));
        return Gen.Select(role, path, query, body, (r, p, q, b) => new Case(target, r, p, q, b.Item1, b.Item2));
    }

    private static Gen<string> PathGen(RoutePattern pattern, World world)
    {
        Gen<string> path = Gen.Const("");
        foreach (var segment in pattern.PathSegments)
        {
            Gen<string> part = Gen.Const("");
            foreach (var piece in segment.Parts)
            {
                var value = piece switch
                {
                    RoutePatternLiteralPart literal => Gen.Const(literal.Content),
                    RoutePatternParameterPart { Name: "cluster" } => Gen.Frequency((30, Gen.Const(world.Slug)), (1, Values.Slugs.Select(Url.EscapePath))),
                    RoutePatternParameterPart p when p.ParameterPolicies.Any(x => x.Content == "int") => Gen.Frequency(
                        (6, Gen.OneOf(world.Ids).Select(id => id.ToString(CultureInfo.InvariantCulture))),
                        (2, Values.IntText.Select(Url.EscapePath)), (1, Values.Hostile(40).Select(Url.EscapePath))),
                    RoutePatternParameterPart => Values.Hostile(40).Select(Url.EscapePath),
                    _ => Gen.Const(""),
                };
                part = Gen.Select(part, value, (a, b) => a + b);
            }
            path = Gen.Select(path, part, (a, b) => a + "/" + b);
        }
        return path;
    }

    private static Gen<string> QueryGen(IReadOnlyList<QueryParameter> parameters)
    {
        Gen<string> query = Gen.Const("");
        foreach (var p in parameters)
        {
            var one = Gen.Frequency((2, Gen.Const("")), (3, Values.QueryValue(p.Name, p.Type).Select(v => $"{Url.Escape(p.Name)}={Url.Escape(v)}")));
            query = Gen.Select(query, one, (a, b) => b.Length == 0 ? a : a + (a.Length == 0 ? "?" : "&") + b);
        }
        return query;
    }

    // ---------------------------------------------------------------- the values

    private static class Values
    {
        public static readonly string[] Tricky =
        [
            "", " ", "\t", "null", "0", "-1", "NaN", "Infinity", "1e400", "2147483648", "-2147483649", "9223372036854775808",
            "79228162514264337593543950336", "0001-01-01", "9999-12-31", "2020-02-30", "1899-12-31", "2999-01-01", "'; DROP TABLE \"Members\"; --",
            "%00", "../../etc/passwd", "<script>alert(1)</script>", "\u0000", "a\u0000b", "\uD800", "x\uDC00y", "\uFFFE", "\uFDD0", "\u202Eevil",
            "😀", "ǅ", "가나다", "\r\n", "=cmd|' /C calc'!A0", "Sme,University", "2,4", "+7", "07", "١٢٣",
        ];

        /// <summary>Strings no form would send: up to <paramref name="max"/> characters, or a few huge ones when it allows.</summary>
        public static Gen<string> Hostile(int max) => Gen.Frequency(
            (4, Gen.OneOf(Tricky)),
            (2, Gen.String),
            (2, Gen.Char['\0', '\uFFFF'].Array[0, Math.Min(max, 60)].Select(cs => new string(cs))),
            (max > 1000 ? 1 : 0, Gen.Int[1000, Math.Max(1001, max)].Select(n => new string('x', n))),
            (max > 1000 ? 1 : 0, Gen.Int[100, Math.Max(101, max / 3)].Select(n => string.Concat(Enumerable.Repeat("가", n)))));

        public static readonly Gen<string> Slugs = Gen.Frequency((2, Gen.OneOf("nope", "FUZZ", "a", "fuzz-", "x" + new string('y', 80))), (1, Hostile(30)));

        public static readonly Gen<string> IntText = Gen.OneOf("0", "-1", "2147483647", "-2147483648", "99999999999", "1.5", "abc", "1e3", " 1");

        public static readonly Gen<string> Dates = Gen.Frequency(
            (3, Gen.Int[0, 20000].Select(d => new DateOnly(1990, 1, 1).AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            (2, Gen.OneOf("0001-01-01", "9999-12-31", "1899-12-31", "1900-01-01", "2099-01-01", "2020-02-30", "2020-13-01", "20200101", "01/02/2020", "2020-01-01T00:00:00Z")),
            (1, Gen.DateOnly.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));

        /// <summary>Values a form would plausibly send, by field name, so that requests get past parsing into the rules and the database.</summary>
        public static Gen<string> Plausible(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant() switch
        {
            "name" or "fullname" or "membername" => Gen.Int[0, 30].Select(i => $"Société {i}"),
            "type" or "membertype" => Gen.OneOf(Enum.GetNames<MemberType>()),
            "sizeclass" or "size" => Gen.OneOf(Enum.GetNames<SizeClass>()),
            "status" => Gen.OneOf([.. Enum.GetNames<MemberStatus>(), .. Enum.GetNames<InvoiceStatus>()]),
            "headcount" => Gen.Int[0, 5000].Select(i => i.ToString(CultureInfo.InvariantCulture)),
            "turnovereur" => Gen.Long[0, 90_000_000].Select(i => i.ToString(CultureInfo.InvariantCulture)),
            "country" => Gen.OneOf("FR", "DE", "GR", "GB", "fr", "XX", "EU"),
            "departement" => Gen.OneOf("71", "21", "2A", "975", "7", "99"),
            "region" => Gen.OneOf("27", "84", "11", "99", "Bavaria"),
            "nutscode" => Gen.OneOf("DE21", "EL30", "FR10", "UKI3", "ZZ1"),
            "city" => Gen.OneOf("Dijon", "Le Creusot", "Chalon-sur-Saône"),
            "sectorcodes" => Gen.OneOf("25.11", "25.11 28.99", "25.11Z;33.12", "99.99.99"),
            "foundingmember" or "consent" or "consenttocontact" => Gen.OneOf("yes", "no", "oui", "maybe"),
            "joinedon" or "statussince" or "paidon" or "foundedon" => Dates,
            "email" => Gen.OneOf("ada@example.org", "no-at-sign", "a@b"),
            "phone" => Gen.OneOf("+33 3 85 00 00 00", "0385000000"),
            "role" => Gen.OneOf("CTO", "Directeur"),
            "nationalid" => Gen.OneOf("552081317", "55208131766522", "FR03552081317", "123456789"),
            "slug" => Gen.Int[0, 1000].Select(i => $"fuzz-new-{i}"),
            "website" => Gen.OneOf("https://cluster.example", "javascript:alert(1)", "ftp://x"),
            "search" => Gen.OneOf("soc", "SOCIETE 1", "dijon"),
            "sort" => Gen.OneOf("name", "-name", "joined", "-joined", "type", "region", "size", "nope"),
            "format" => Gen.OneOf("csv", "json", "xml"),
            "filename" => Gen.OneOf("members.csv", "m.json", "../../x"),
            _ => Gen.OneOf("x", "2020"),
        };

        public static Gen<string> QueryValue(string name, Type type)
        {
            var t = Nullable.GetUnderlyingType(type) ?? type;
            var typed = t.IsEnum ? Gen.Frequency((3, Gen.OneOf(Enum.GetNames(t))), (1, Gen.OneOf("999", "-1", "Nope", "Sme,University", "2,3")))
                : t == typeof(int) ? Gen.Frequency((3, Gen.Int[-3, 30].Select(i => i.ToString(CultureInfo.InvariantCulture))), (2, Gen.Int[1940, 2110].Select(i => i.ToString(CultureInfo.InvariantCulture))), (2, IntText))
                : Plausible(name);
            // Short enough that the request line stays under Kestrel's 8 KB, which it refuses itself (414) before the application runs.
            return Gen.Frequency((4, typed), (2, Hostile(60)));
        }
    }

    /// <summary>JSON written by hand, so that it can hold what a serializer would refuse to write: lone surrogates, wrong types, junk.</summary>
    private sealed class JsonGen(int hostility = 4, int absence = 1)
    {
        public static readonly JsonGen Hostile = new();

        /// <summary>Mostly plausible values and fewer fields, so that requests get through to the database too, one odd value at a time.</summary>
        public static readonly JsonGen Gentle = new(hostility: 1, absence: 4);

        public string String(string s)
        {
            var sb = new StringBuilder("\"");
            foreach (var c in s)
            {
                if (c is '"' or '\\') sb.Append('\\').Append(c);
                else if (c < ' ' || char.IsSurrogate(c)) sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                else sb.Append(c);
            }
            return sb.Append('"').ToString();
        }

        private static readonly Gen<string> Numbers = Gen.OneOf(
            "0", "-1", "1", "2020", "1e17", "-1e17", "1e308", "1e400", "-0", "0.001", "10.005", "812.5", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "79228162514264337593543950335", "79228162514264337593543950336", "1E-30", "00", "1.0");

        private Gen<string> Scalars => Gen.Frequency(
            (3, Values.Hostile(2000).Select(String)), (2, Numbers), (1, Gen.OneOf("true", "false", "null")));

        /// <summary>Any JSON value, nested up to a few levels.</summary>
        public Gen<string> Any(int depth) => depth >= 3 ? Scalars : Gen.Frequency(
            (5, Scalars),
            (1, Gen.Int[0, 4].SelectMany(n => Any(depth + 1).Array[n, n]).Select(xs => "[" + string.Join(",", xs) + "]")),
            (1, Gen.Int[0, 4].SelectMany(n => Gen.Select(Values.Hostile(20), Any(depth + 1)).Array[n, n])
                .Select(ps => "{" + string.Join(",", ps.Select(p => String(p.Item1) + ":" + p.Item2)) + "}")));

        /// <summary>A value for a property or body of <paramref name="type"/>: mostly of that type, plausible or hostile, sometimes of another.</summary>
        public Gen<string> Value(Type type, int depth, string name = "")
        {
            var t = Nullable.GetUnderlyingType(type) ?? type;
            Gen<string> typed, other = Any(depth);
            if (t == typeof(string)) typed = Gen.Frequency((16, Values.Plausible(name).Select(String)), (4 * hostility, Values.Hostile(300_000).Select(String)));
            else if (t == typeof(int) || t == typeof(long) || t == typeof(short))
                typed = Gen.Frequency((12, Gen.Int[1940, 2110].Select(i => i.ToString(CultureInfo.InvariantCulture))), (3 * hostility, Numbers), (hostility, Values.Plausible(name).Select(String)));
            else if (t == typeof(decimal) || t == typeof(double) || t == typeof(float))
                typed = Gen.Frequency((12, Gen.Int[0, 100_000].Select(c => (c / 100m).ToString(CultureInfo.InvariantCulture))), (3 * hostility, Numbers));
            else if (t == typeof(bool)) typed = Gen.OneOf("true", "false");
            else if (t == typeof(DateOnly) || t == typeof(DateTime)) typed = Values.Dates.Select(String);
            else if (t.IsEnum) typed = Gen.Frequency((16, Gen.OneOf(Enum.GetNames(t)).Select(String)), (hostility, Gen.OneOf("99", "-1", "\"42\"", "\"Nope\"", "\"sme\"")));
            else if (t != typeof(string) && t.GetInterfaces().Append(t).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } seq)
            {
                var elements = Value(seq.GetGenericArguments()[0], depth + 1, name);
                typed = depth >= 3 ? Gen.Const("[]")
                    : Gen.Frequency((6, Gen.Int[0, 4]), (1, Gen.Int[20, 40])).SelectMany(n => elements.Array[n, n]).Select(xs => "[" + string.Join(",", xs) + "]");
            }
            else if (t.IsClass && depth < 3) typed = Object(t, depth);
            else typed = Any(depth);
            return Gen.Frequency((36, typed), (hostility, other));
        }

        /// <summary>An object with the type's properties (each present or not) and now and then one it does not have.</summary>
        private Gen<string> Object(Type t, int depth)
        {
            Gen<string> members = Gen.Const("");
            foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead))
            {
                var key = char.ToLowerInvariant(p.Name[0]) + p.Name[1..];
                var one = Gen.Frequency((absence, Gen.Const("")), (5, Value(p.PropertyType, depth + 1, p.Name).Select(v => String(key) + ":" + v)));
                members = Gen.Select(members, one, (a, b) => b.Length == 0 ? a : a.Length == 0 ? b : a + "," + b);
            }
            var extra = Gen.Frequency((32, Gen.Const("")), (hostility, Gen.Select(Values.Hostile(20), Any(depth + 1), (k, v) => String(k) + ":" + v)));
            return Gen.Select(members, extra, (a, b) => "{" + a + (a.Length > 0 && b.Length > 0 ? "," : "") + b + "}");
        }

        /// <summary>Bodies that are not JSON, or JSON no reader should take.</summary>
        public Gen<byte[]> Malformed => Gen.Frequency(
            (2, Gen.OneOf("", "{", "[", "]", "{\"a\":}", "{\"year\":2020,}", "{'year':2020}", "nul", "\"unterminated", "{\"a\":1}{\"b\":2}", "\uFEFF{}", "[1,2,,3]")
                .Select(Encoding.UTF8.GetBytes)),
            (1, Gen.Int[65, 3000].Select(d => Encoding.UTF8.GetBytes(new string('[', d) + new string(']', d)))),
            (1, Gen.Int[300, 5000].Select(d => Encoding.UTF8.GetBytes("{\"year\":" + new string('9', d) + "}"))),
            (2, Gen.Byte.Array[0, 2000]),
            (1, Any(0).Select(j => Encoding.UTF8.GetBytes(j)).SelectMany(b => Gen.Int[0, Math.Max(0, b.Length - 1)].Select(cut => b[..cut]))));
    }

    /// <summary>
    /// A valid body with one thing changed (a field hostile, another value, or gone), or none: hostile values alone
    /// rarely get past parsing, and a run must also store, so that what it stores can be checked afterwards.
    /// Types without an example here get <see cref="JsonGen.Gentle"/> values; a new endpoint is fuzzed either way.
    /// </summary>
    private static class NearlyValid
    {
        private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static Dictionary<string, Gen<string>>? Example(Type t)
        {
            string S(string v) => JsonGen.Hostile.String(v);
            if (t == typeof(MemberInput)) return new()
            {
                ["name"] = Gen.Int[0, 60].Select(i => S($"Société {i}")), ["type"] = Gen.OneOf(Enum.GetNames<MemberType>()).Select(S),
                ["headcount"] = Gen.Int[0, 400].Select(i => S(i.ToString(CultureInfo.InvariantCulture))), ["departement"] = Gen.OneOf("71", "21", "69", "2A").Select(S),
                ["joinedOn"] = Gen.Int[0, 9000].Select(d => S(new DateOnly(2000, 1, 1).AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
                ["city"] = Gen.Const(S("Dijon")), ["contacts"] = Gen.Const("""[{"fullName":"Ada Martin","email":"ada@example.org","consentToContact":"yes"}]"""),
            };
            if (t == typeof(TierDto)) return new()
            {
                ["memberType"] = Gen.OneOf(Enum.GetNames<MemberType>()).Select(S), ["sizeClass"] = Gen.OneOf(Enum.GetNames<SizeClass>()).Select(S),
                ["amountEur"] = Gen.Int[0, 500_000].Select(c => (c / 100m).ToString(CultureInfo.InvariantCulture)),
            };
            if (t == typeof(RenewalRequest)) return new() { ["year"] = Gen.Int[2018, 2024].Select(y => y.ToString(CultureInfo.InvariantCulture)) };
            if (t == typeof(PaymentRequest)) return new() { ["paidOn"] = Gen.Const(S(Today)) };
            if (t == typeof(NewCluster)) return new()
            {
                ["slug"] = Gen.Int[0, 100_000].Select(i => S($"fuzz-new-{i}")), ["name"] = Gen.Const(S("Fuzz Valley")), ["region"] = Gen.OneOf("27", "84").Select(S),
                ["foundedOn"] = Gen.Const(S("2005-07-12")), ["website"] = Gen.Const(S("https://cluster.example")),
            };
            return null;
        }

        public static Gen<string> Of(Type type)
        {
            if (type != typeof(string) && type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } seq)
            {
                var element = Of(seq.GetGenericArguments()[0]);
                return Gen.Int[0, 4].SelectMany(n => element.Array[n, n]).Select(xs => "[" + string.Join(",", xs) + "]");
            }
            if (Example(type) is not { } example) return JsonGen.Gentle.Value(type, 0);
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => (Key: char.ToLowerInvariant(p.Name[0]) + p.Name[1..], p.PropertyType, p.Name)).ToArray();
            return from valid in Sequence(example.Values)
                   from target in Gen.OneOf(properties)
                   from change in Gen.Frequency((3, Gen.Const(0)), (3, Gen.Const(1)), (2, Gen.Const(2)), (1, Gen.Const(3)))
                   from odd in change == 1 ? JsonGen.Hostile.Value(target.PropertyType, 1, target.Name) : JsonGen.Gentle.Value(target.PropertyType, 1, target.Name)
                   let fields = example.Keys.Zip(valid).ToDictionary(f => f.First, f => f.Second)
                   let changed = change switch
                   {
                       0 => fields,                                                   // valid as it is
                       3 => fields.Where(f => f.Key != target.Key).ToDictionary(),    // one field gone
                       _ => new Dictionary<string, string>(fields) { [target.Key] = odd }, // one field hostile (1) or another value (2)
                   }
                   select "{" + string.Join(",", changed.Select(f => JsonGen.Hostile.String(f.Key) + ":" + f.Value)) + "}";
        }
    }

    /// <summary>Import uploads: CSV with hostile cells, JSON arrays of members, random bytes, under a right or wrong content type.</summary>
    private static class Files
    {
        private static readonly Gen<string> Cell = Gen.Frequency((2, Gen.Const("")), (4, Values.Hostile(200)));


        private static string Quote(string cell, char delimiter, bool quote) =>
            quote && (cell.Contains(delimiter, StringComparison.Ordinal) || cell.Contains('"', StringComparison.Ordinal) || cell.Contains('\n', StringComparison.Ordinal) || cell.Contains('\r', StringComparison.Ordinal))
                ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

        private static readonly Gen<string> Csv =
            from shuffled in Gen.Shuffle(MemberFile.Columns)
            from count in Gen.Int[0, MemberFile.Columns.Length]
            let columns = shuffled[..count]
            from required in Gen.Frequency((6, Gen.Const(true)), (1, Gen.Const(false)))
            from junk in Gen.Frequency((8, Gen.Const(Array.Empty<string>())), (1, Values.Hostile(20).Array[1, 2]))
            from delimiter in Gen.Frequency((5, Gen.Const(',')), (1, Gen.Const(';')))
            from quote in Gen.Frequency((4, Gen.Const(true)), (1, Gen.Const(false)))
            let header = (required ? columns.Union(["name", "type", "joined_on"]) : columns).Concat(junk).ToArray()
            from rows in Gen.Int[0, 12].SelectMany(n => Sequence(header.Select(h => Gen.Frequency((3, Values.Plausible(h)), (2, Cell)))).Array[n, n])
            select string.Join(delimiter, header.Select(h => Quote(h, delimiter, quote))) + "\n"
                + string.Concat(rows.Select(r => string.Join(delimiter, r.Select(cell => Quote(cell, delimiter, quote))) + "\n"));

        private static readonly Gen<string> JsonMembers =
            Gen.Int[0, 6].SelectMany(n => JsonGen.Hostile.Value(typeof(ImportRow), 1).Array[n, n]).Select(xs => "[" + string.Join(",", xs) + "]");

        public static readonly Gen<(string?, byte[]?)> Upload = Gen.Frequency(
            (5, Csv.Select(c => ((string?)"text/csv", (byte[]?)Encoding.UTF8.GetBytes(c)))),
            (3, JsonMembers.Select(j => ((string?)"application/json", (byte[]?)Encoding.UTF8.GetBytes(j)))),
            (1, JsonGen.Hostile.Malformed.Select(b => ((string?)"application/json", (byte[]?)b))),
            (1, Gen.Byte.Array[0, 4000].Select(b => ((string?)"text/csv", (byte[]?)b))),
            (1, Gen.Const(((string?)"text/csv", (byte[]?)Encoding.UTF8.GetBytes("name,type,joined_on\n" + new string('x', 2_000_000) + ",Sme,2010-01-01\n")))));
    }

    /// <summary>The import's JSON shape (snake_case names as in the CSV), for <see cref="JsonGen.Value"/> to fill.</summary>
#pragma warning disable IDE1006, CA1812 // JSON field names; only read by reflection
    private sealed record ImportRow(string name, string type, string headcount, string turnover_eur, string national_id, string country, string region, string departement,
        string nuts_code, string city, string sector_codes, string founding_member, string joined_on, string status, string status_since, ImportContact[] contacts);
    private sealed record ImportContact(string name, string role, string email, string phone, string consent);
#pragma warning restore IDE1006, CA1812

    private static class Url
    {
        /// <summary>Percent-encodes the UTF-8 of <paramref name="s"/> (an unpaired surrogate becomes U+FFFD, as any client would send it).</summary>
        public static string Escape(string s) => string.Concat(Encoding.UTF8.GetBytes(s).Select(b =>
            b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~'
                ? ((char)b).ToString() : string.Create(CultureInfo.InvariantCulture, $"%{b:X2}")));

        /// <summary>
        /// A path segment: as <see cref="Escape"/>, less U+0000, which Kestrel refuses in a path itself (a bare 400
        /// before the application runs, so no ProblemDetails can be asked of it).
        /// </summary>
        public static string EscapePath(string s) => Escape(s.Replace("\0", "", StringComparison.Ordinal));
    }

    /// <summary>One value from each generator, in order.</summary>
    private static Gen<string[]> Sequence(IEnumerable<Gen<string>> gens) =>
        gens.Aggregate(Gen.Const(Array.Empty<string>()), (all, one) => Gen.Select(all, one, (a, b) => (string[])[.. a, b]));

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max] + $"… ({s.Length} characters)";

    // ---------------------------------------------------------------- afterwards: nothing half-stored

    private async Task AssertEverythingStoredIsValidAsync() => await app.WithDb(async db =>
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var inv = CultureInfo.InvariantCulture;
        string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", inv);

        foreach (var c in await db.Clusters.AsNoTracking().ToListAsync())
        {
            var (_, errors) = ClusterRegistration.Validate(new NewCluster(c.Slug, c.Name, c.LegalForm, c.FoundedOn, c.Region, c.Sector, c.Website), today);
            Assert.True(errors.Count == 0, $"cluster {c.Slug}: " + string.Join("; ", errors.Select(e => $"{e.Key} {string.Join(", ", e.Value)}")));
        }

        var members = await db.Members.AsNoTracking().Include(m => m.Contacts).Include(m => m.StatusHistory).AsSplitQuery().ToListAsync();
        foreach (var m in members)
        {
            var input = new MemberInput
            {
                Name = m.Name, Type = m.Type.ToString(), Headcount = m.Headcount?.ToString(inv), TurnoverEur = m.TurnoverEur?.ToString(inv), NationalId = m.NationalId,
                Country = m.Country, Region = m.Region, Departement = m.Departement, NutsCode = m.NutsCode, City = m.City, SectorCodes = m.SectorCodes,
                FoundingMember = m.IsFoundingMember ? "yes" : "no", JoinedOn = Date(m.JoinedOn), Status = m.Status.ToString(), StatusSince = Date(m.StatusSince),
                Contacts = [.. m.Contacts.Select(c => new ContactInput(c.FullName, c.Role, c.Email, c.Phone, c.ConsentToContact ? "yes" : "no"))],
            };
            var errors = MemberValidation.Apply(input, new Member { Name = "", ClusterId = m.ClusterId }, today);
            Assert.True(errors.Count == 0, $"member {m.Id} '{Cut(m.Name, 80)}' is stored but invalid: " + string.Join("; ", errors.Select(e => $"{e.Field} {e.Reason}")));
            Assert.Equal(Names.Normalize(m.Name), m.NormalizedName);
            Assert.Equal(SizeClasses.Classify(m.Headcount, m.TurnoverEur), m.SizeClass);
            Assert.True(m.StatusSince >= m.JoinedOn, $"member {m.Id}: status since {m.StatusSince} before joining {m.JoinedOn}");
            Assert.Contains(m.StatusHistory, s => s.Reason == "joined");
        }

        foreach (var t in await db.DuesTiers.AsNoTracking().ToListAsync())
        {
            Assert.True(DuesTiers.Validate(t.Year, [new TierDto(t.MemberType, t.SizeClass, Money.Euros(t.AmountCents))]).Count == 0, $"tier {t.Id} {t.Year} {t.MemberType}/{t.SizeClass} {t.AmountCents}");
        }

        foreach (var i in await db.Invoices.AsNoTracking().Include(i => i.MembershipYear).ToListAsync())
        {
            var y = i.MembershipYear!;
            Assert.True(y.Year is >= ClusterHub.Web.Years.Min and <= ClusterHub.Web.Years.Max, $"invoice {i.Number}: year {y.Year}");
            Assert.StartsWith(y.Year.ToString(inv) + "-", i.Number, StringComparison.Ordinal);
            Assert.Equal(y.DuesCents, i.AmountCents);
            Assert.InRange(i.AmountCents, 0, (long)(DuesTiers.MaxAmountEur * 100));
            Assert.Equal(i.IssuedOn.AddDays(60), i.DueOn);
            Assert.Equal(i.Status == InvoiceStatus.Paid, i.PaidOn is not null);
            if (i.PaidOn is { } paid) Assert.InRange(paid, i.IssuedOn, today);
        }
    });
}

public sealed class FuzzOnSqlite(SqliteApplication app, ITestOutputHelper output) : FuzzTests<SqliteApplication>(app, output);
public sealed class FuzzOnPostgres(PostgresApplication app, ITestOutputHelper output) : FuzzTests<PostgresApplication>(app, output);
