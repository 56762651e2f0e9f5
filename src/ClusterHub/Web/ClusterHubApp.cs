using System.Globalization;
using ClusterHub.Accounts;
using ClusterHub.Clusters;
using ClusterHub.Data;
using ClusterHub.Dashboard;
using ClusterHub.Dues;
using ClusterHub.History;
using ClusterHub.Jobs;
using ClusterHub.Members;
using ClusterHub.Networks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Scalar.AspNetCore;

namespace ClusterHub.Web;

/// <summary>The composition root, shared by every verb: the web server serves it, the CLI verbs use its services.</summary>
public static class ClusterHubApp
{
    /// <summary>
    /// The features, as a table of contents. Each registers its services, endpoints, permissions,
    /// navigation, verbs and demo step; the demo steps run in this order.
    /// </summary>
    public static readonly IFeature[] Features =
    [
        new ClustersFeature(),
        new MembersFeature(),
        new DuesFeature(),
        new Finance.FinanceFeature(), // after Dues: its demo budget takes the dues from the ledger
        new Strategy.StrategyFeature(),
        new Indicators.IndicatorsFeature(),
        new Competences.CompetencesFeature(), // after Strategy: its demo step maps the taxonomy to the strategic areas
        new Projects.ProjectsFeature(),
        new Governance.GovernanceFeature(), // after Members: its demo actors name demo members
        new Surveys.SurveysFeature(), // after Members: its demo step sends the 2019 survey to the members' contacts
        new Assessment.AssessmentFeature(),
        new DashboardFeature(),
        new AccountsFeature(),
        new Portfolios.PortfoliosFeature(), // after Accounts and Assessment: its demo step creates the demo analyst and reads the assessment
        new HistoryFeature(),
        new NetworksFeature(),
        new Mapping.MappingFeature(),
        new Outbox.OutboxFeature(),
    ];

    public static readonly CultureInfo[] Cultures = [English(), new("fr"), new("ko")];

    /// <summary>English words with British dates (25/11/2026): the product's readers are in Europe and Korea, where 11/25 reads wrong.</summary>
    private static CultureInfo English() =>
        new("en") { DateTimeFormat = (DateTimeFormatInfo)CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.Clone() };

    public static WebApplication Build(string[] args, string? database = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Fixed, so the static-asset manifests are found when a test host or benchmark is the entry assembly.
            ApplicationName = typeof(ClusterHubApp).Assembly.GetName().Name,
            // appsettings.json and the compiled pages live beside the binary, wherever the command is run from.
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Serve wwwroot from the project folder when running from a build output (dotnet run, tests).
        builder.WebHost.UseStaticWebAssets();
        if (database is not null) builder.Configuration[Database.ConfigurationKey] = database;
        var services = builder.Services;

        services.AddClusterDb(builder.Configuration[Database.ConfigurationKey]);
        services.TryAddSingleton(TimeProvider.System);
        services.AddJobs(builder.Configuration); // the platform's queue of long work (Jobs/), before the features' handlers
        foreach (var feature in Features) feature.AddServices(services);

        services.AddIdentity<ClusterUser, IdentityRole>(o => o.User.RequireUniqueEmail = true)
            .AddEntityFrameworkStores<ClusterDb>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/error/403";
        });
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, AccessTokenHandler>(AccessTokens.Scheme, null);
        services.AddAuthorization();
        services.AddWebShell(builder.Configuration);

        // Enums travel by name in JSON, as they do in CSV and in the database.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddProblemDetails(ProblemHandling.Customize);
        services.AddExceptionHandler<AccessRefusedHandler>();
        services.AddExceptionHandler<BadRequestHandler>();
        services.AddValidation();
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityScheme>());
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = o.SupportedUICultures = Cultures;
        });
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/"; // pages live in their feature folders
            o.Conventions.AuthorizeFolder("/"); // signed in unless a page says [Public]
        }).AddMvcOptions(o => o.Filters.Add<ClusterPageFilter>());

        var app = builder.Build();
        app.UseWebShell();
        app.UseExceptionHandler();
        // People get an HTML page for a 403 or 404; the API keeps its ProblemDetails, written by the inner
        // middleware, which leaves the outer one nothing to do. Re-execution is registered on the application
        // itself: inside a UseWhen branch it cannot route to /error/{code} and every refusal became an empty 404.
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseWhen(http => WebRequests.IsApi(http.Request), b => b.UseStatusCodePages());
        app.UseRouting(); // after the status-code pages, so their re-execution routes to the error page
        app.UseRequestLimits(); // needs the endpoint, so after routing; before anything reads a body
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<AccessMiddleware>();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapOpenApi().Public();
        app.MapScalarApiReference(o => o.WithTitle("ClusterHub API").WithFavicon("/favicon.svg").DisableDefaultFonts()).Public(); // fonts from this origin only (CSP)
        app.MapCulture();
        app.MapRazorPages();

        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(AccessTokens.Scheme).RequireAuthenticatedUser());
        var cluster = api.MapGroup("/clusters/{cluster}");
        foreach (var feature in Features) feature.MapApi(api, cluster);
        return app;
    }

    /// <summary>POST /culture: the language switch on every page stores the choice in the culture cookie.</summary>
    private static void MapCulture(this WebApplication app) =>
        app.MapPost("/culture", (HttpContext http, TimeProvider clock, [Microsoft.AspNetCore.Mvc.FromForm] string culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            if (!Cultures.Any(c => c.Name == culture)) return Results.Problem($"Unsupported language '{culture}'.", statusCode: 400);
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
            return Results.LocalRedirect(string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') ? "/" : returnUrl);
        }).Public().ExcludeFromDescription();
}
