using ClusterHub.Accounts;
using ClusterHub.Web;
using static ClusterHub.Accounts.ClusterRole;

namespace ClusterHub.Dues;

/// <summary>The permissions the dues feature owns.</summary>
public static class DuesPermissions
{
    /// <summary>Totals by year and tier: what funders and observers may see.</summary>
    public const string ReadLedger = "dues.ledger.read";
    /// <summary>Who owes what: every member's invoices.</summary>
    public const string ReadInvoices = "dues.invoices.read";
    public const string ReadTiers = "dues.tiers.read";
    public const string RecordPayments = "dues.payments.record";
    /// <summary>The tier table, the yearly renewal and write-offs: the manager's.</summary>
    public const string Manage = "dues.manage";
}

/// <summary>Membership dues: tiers, the yearly renewal and its invoices, payments, the ledger.</summary>
public sealed class DuesFeature : IFeature
{
    public IEnumerable<Permission> Permissions =>
    [
        Permission.Grant(DuesPermissions.ReadLedger, Manager, Staff, Observer),
        Permission.Grant(DuesPermissions.ReadInvoices, Manager, Staff),
        Permission.Grant(DuesPermissions.ReadTiers, Manager, Staff),
        Permission.Grant(DuesPermissions.RecordPayments, Manager, Staff),
        Permission.Grant(DuesPermissions.Manage, Manager),
    ];

    public IEnumerable<NavigationEntry> Navigation => [new(30, "Nav.Dues", "/dues", DuesPermissions.ReadLedger)];

    public void AddServices(IServiceCollection services)
    {
        services.AddHostedService<OverdueSweep>();
        services.AddSingleton<Indicators.IIndicatorSource, DuesIndicators>();
    }

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder cluster) => cluster.MapDues();

    public Task SeedDemoAsync(Demo.DemoSeed seed, CancellationToken ct) => DuesDemo.LoadAsync(seed, ct);
}
