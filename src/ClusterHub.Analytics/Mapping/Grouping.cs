namespace ClusterHub.Analytics.Mapping;

/// <summary>
/// One level of a hierarchy over a code list: each member (a region, an industry) belongs to one group (its parent:
/// commune → département, NAF class → division, cluster → traded/local). <c>GroupOf[m]</c> is the group's dense id,
/// <c>Groups</c> names them. A region's parent is the base of a parent-region location quotient; an industry's group is
/// the total a share is taken of (the US Cluster Mapping shares traded clusters of traded employment).
/// </summary>
public sealed class Grouping
{
    public Grouping(int[] groupOf, CodeIndex groups)
    {
        for (var m = 0; m < groupOf.Length; m++)
            if ((uint)groupOf[m] >= (uint)groups.Count) throw new ArgumentException($"member {m} is in group {groupOf[m]}, outside 0..{groups.Count - 1}", nameof(groupOf));
        GroupOf = groupOf;
        Groups = groups;
    }

    public int[] GroupOf { get; }
    public CodeIndex Groups { get; }
    public int Count => Groups.Count;

    /// <summary>Every member in one group (the nation, all industries).</summary>
    public static Grouping Whole(int members, string name = "all") => new(new int[members], new CodeIndex([name]));

    /// <summary>
    /// Groups <paramref name="members"/> by the parent code <paramref name="parentOf"/> gives each, or refuses the first
    /// member without one: a region left out of every base would have a base of itself only and an LQ of 1 everywhere.
    /// </summary>
    public static Grouping ByParent(CodeIndex members, Func<string, string?> parentOf)
    {
        var groups = new CodeIndex();
        var of = new int[members.Count];
        for (var m = 0; m < of.Length; m++)
            of[m] = groups.Intern(parentOf(members[m]) ?? throw new ArgumentException($"'{members[m]}' has no parent", nameof(parentOf)));
        return new Grouping(of, groups);
    }
}
