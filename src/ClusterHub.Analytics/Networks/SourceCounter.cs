namespace ClusterHub.Analytics.Networks;

/// <summary>
/// Counts finished sources of an all-sources computation across parallel workers and reports the fraction done
/// about every half percent: often enough for a smooth bar, rarely enough to cost nothing.
/// </summary>
internal sealed class SourceCounter(int total, IProgress<double>? progress)
{
    private readonly int every = Math.Max(1, total / 200);
    private int done;

    public void Done()
    {
        if (progress is null) return;
        var now = Interlocked.Increment(ref done);
        if (now % every == 0 || now == total) progress.Report((double)now / total);
    }
}
