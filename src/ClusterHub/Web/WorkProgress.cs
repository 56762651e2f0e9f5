namespace ClusterHub.Web;

/// <summary>Where a long piece of work is: the step under way and the fraction of the whole done (0..1).</summary>
public readonly record struct WorkProgress(string Step, double Fraction);

public static class WorkProgressExtensions
{
    /// <summary>
    /// Announces a step spanning [<paramref name="from"/>, <paramref name="to"/>) of the whole and returns the progress
    /// the step's own work reports to, as a fraction of itself (what the engine's all-sources measures take).
    /// </summary>
    public static IProgress<double> Step(this IProgress<WorkProgress>? progress, string step, double from, double to)
    {
        progress?.Report(new WorkProgress(step, from));
        return new StepProgress(progress, step, from, to);
    }

    private sealed class StepProgress(IProgress<WorkProgress>? whole, string step, double from, double to) : IProgress<double>
    {
        public void Report(double value) => whole?.Report(new WorkProgress(step, from + (to - from) * value));
    }
}
