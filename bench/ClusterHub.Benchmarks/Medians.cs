namespace ClusterHub.Benchmarks;

/// <summary>
/// The diagnostic modes beside the suites (`indicator-sources`, `funnel-parts`): the median of a few runs of each part of
/// a measured path, to see where its time goes. BenchmarkDotNet's figures stay the ones reported; these only point.
/// </summary>
internal static class Medians
{
    public static void Print(string name, Func<Task> run, int runs = 15)
    {
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            run().GetAwaiter().GetResult();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        Console.WriteLine($"{name,-40} {times[runs / 2],9:F1} ms");
    }
}
