namespace ClusterHub.Members;

/// <summary>Enterprise size under the EU SME definition (Recommendation 2003/361/EC).</summary>
public enum SizeClass { Unknown, Micro, Small, Medium, Large }

public static class SizeClasses
{
    /// <summary>
    /// Classifies by staff headcount and annual turnover in euros. The recommendation uses
    /// headcount AND (turnover OR balance sheet); with only turnover known we take the larger
    /// of the two classes, which is what the recommendation yields when the balance sheet is
    /// not smaller than turnover. With one figure missing the other decides alone.
    /// </summary>
    public static SizeClass Classify(int? headcount, long? turnoverEur)
    {
        if (headcount is null && turnoverEur is null) return SizeClass.Unknown;
        var byStaff = headcount switch
        {
            null => SizeClass.Unknown,
            < 10 => SizeClass.Micro,
            < 50 => SizeClass.Small,
            < 250 => SizeClass.Medium,
            _ => SizeClass.Large,
        };
        var byTurnover = turnoverEur switch
        {
            null => SizeClass.Unknown,
            <= 2_000_000 => SizeClass.Micro,
            <= 10_000_000 => SizeClass.Small,
            <= 50_000_000 => SizeClass.Medium,
            _ => SizeClass.Large,
        };
        return (SizeClass)Math.Max((int)byStaff, (int)byTurnover);
    }
}
