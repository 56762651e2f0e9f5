namespace ClusterHub.Assessment;

/// <summary>Sölvell et al.'s life cycle of a cluster initiative.</summary>
public enum LifeCycleStage { Preconditions, InitiativeFormed, InitiativeRunning, InstitutionForCollaboration }

/// <summary>
/// One check of the stage rules: what it measured, the threshold, and whether it holds (null: the value is missing).
/// A check that is not <see cref="Required"/> counts only when its value is known.
/// </summary>
public sealed record StageCheck(LifeCycleStage Stage, string Key, double? Value, double Threshold, bool? Holds, bool Required);

public sealed record LifeCycleReading(LifeCycleStage Stage, IReadOnlyList<StageCheck> Checks);

/// <summary>What the stage rules read: the cluster's age and a few registry values of the year (null when missing).</summary>
public sealed record LifeCycleFacts(int Year, int? FoundedYear, double? Members, double? Staff, double? ReviewsHeld, double? ProjectsWorkedOn,
    double? ProjectsCertified, double? GovernanceTies);

/// <summary>
/// The stage, inferred from data by stated rules (docs/guide/assessment.md). Each stage needs the one before it and all
/// its required checks; a check on data the platform may not hold (staff, governance ties) counts only when known.
/// <list type="bullet">
/// <item>initiative formed: founded by the year and at least one active member;</item>
/// <item>initiative running: at least 3 years old, 30 members, one project worked on or one strategy review held, a secretariat (≥ 1 staff, when known);</item>
/// <item>institution for collaboration: at least 10 years old, 100 members, 3 reviews held, one project certified, ≥ 5 staff and ≥ 5 governance ties (when known).</item>
/// </list>
/// </summary>
public static class LifeCycleRules
{
    public static LifeCycleReading Infer(LifeCycleFacts f)
    {
        double? age = f.FoundedYear is { } y && y <= f.Year ? f.Year - y : null;
        var activity = f.ProjectsWorkedOn is null && f.ReviewsHeld is null ? (double?)null : (f.ProjectsWorkedOn ?? 0) + (f.ReviewsHeld ?? 0);
        StageCheck Check(LifeCycleStage stage, string key, double? value, double threshold, bool required = true) =>
            new(stage, key, value, threshold, value is { } v ? v >= threshold : null, required);
        List<StageCheck> checks =
        [
            Check(LifeCycleStage.InitiativeFormed, "founded", age, 0),
            Check(LifeCycleStage.InitiativeFormed, "members", f.Members, 1),
            Check(LifeCycleStage.InitiativeRunning, "age", age, 3),
            Check(LifeCycleStage.InitiativeRunning, "members", f.Members, 30),
            Check(LifeCycleStage.InitiativeRunning, "activity", activity, 1),
            Check(LifeCycleStage.InitiativeRunning, "staff", f.Staff, 1, required: false),
            Check(LifeCycleStage.InstitutionForCollaboration, "age", age, 10),
            Check(LifeCycleStage.InstitutionForCollaboration, "members", f.Members, 100),
            Check(LifeCycleStage.InstitutionForCollaboration, "reviews", f.ReviewsHeld, 3),
            Check(LifeCycleStage.InstitutionForCollaboration, "certified", f.ProjectsCertified, 1),
            Check(LifeCycleStage.InstitutionForCollaboration, "staff", f.Staff, 5, required: false),
            Check(LifeCycleStage.InstitutionForCollaboration, "ties", f.GovernanceTies, 5, required: false),
        ];
        var stage = LifeCycleStage.Preconditions;
        foreach (var next in new[] { LifeCycleStage.InitiativeFormed, LifeCycleStage.InitiativeRunning, LifeCycleStage.InstitutionForCollaboration })
        {
            var ok = checks.Where(c => c.Stage == next).All(c => c.Holds == true || (c.Holds is null && !c.Required));
            if (!ok) break;
            stage = next;
        }
        return new LifeCycleReading(stage, checks);
    }
}
