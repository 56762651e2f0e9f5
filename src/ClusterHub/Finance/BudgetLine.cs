namespace ClusterHub.Finance;

/// <summary>
/// Where the cluster's revenue comes from. <see cref="Dues"/> is never typed: it is read from the dues ledger
/// (<see cref="FinanceReports"/>); the four public sources are the public share's split.
/// </summary>
public enum BudgetSource { Dues, State, Regions, LocalAuthorities, Eu, Services, Sponsorship, Other }

public static class BudgetSources
{
    /// <summary>The sources that make the public share.</summary>
    public static bool IsPublic(this BudgetSource source) => source is BudgetSource.State or BudgetSource.Regions or BudgetSource.LocalAuthorities or BudgetSource.Eu;

    /// <summary>The sources a person types (every one but the dues, which the dues ledger gives).</summary>
    public static readonly BudgetSource[] Typed = [.. Enum.GetValues<BudgetSource>().Where(s => s != BudgetSource.Dues)];
}

/// <summary>
/// One line of a cluster's budget for a year: a source, what was planned and what came in (whole cents; either may be
/// unknown, never taken as zero), and who paid it when known: a member of the cluster or a name (the region, the DGE).
/// </summary>
public sealed class BudgetLine : History.IVersioned
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public int Year { get; set; }
    public BudgetSource Source { get; set; }
    public long? PlannedCents { get; set; }
    public long? ActualCents { get; set; }

    /// <summary>The payer when it is a member (its dues and its sponsorship then add up as one payer).</summary>
    public int? PayerMemberId { get; set; }
    public Members.Member? PayerMember { get; set; }

    /// <summary>The payer's name when it is not a member ("Région Bourgogne-Franche-Comté", "DGE").</summary>
    public string? PayerName { get; set; }
    public string? Note { get; set; }

    /// <summary>Raised on every change: of two people editing one line, the second is refused.</summary>
    public int Version { get; set; }
}

/// <summary>A cluster's secretariat for one year: its staff in full-time equivalents and its operating cost (expenses).</summary>
public sealed class FinanceYear : History.IVersioned
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public int Year { get; set; }
    public double? StaffFte { get; set; }
    public long? OperatingCostCents { get; set; }
    public int Version { get; set; }
}

/// <summary>The limits of finance input, repeated by the EF configuration.</summary>
public static class FinanceLimits
{
    public const int PayerName = 200, Note = 1000;

    /// <summary>A budget line above a billion euros is a typing error (and keeps the cents far from overflowing a sum).</summary>
    public const decimal MaxAmountEur = 1_000_000_000m;

    public const double MaxStaffFte = 100_000;
}
