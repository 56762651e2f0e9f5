using System.Globalization;
using ClusterHub.Web;

namespace ClusterHub.Cli;

/// <summary>
/// A one-line progress bar for long commands, redrawn in place on stderr:
/// <c>betweenness    [###########---------------]  42%  1m 05s left</c> (the time left, from the pace so far, once
/// the work has run two seconds).
/// Thread-safe (the engine reports from its parallel workers) and redrawn only when the step or the whole percent
/// changes. Silent when stderr is not a terminal, so pipes, logs and the single error line stay clean.
/// </summary>
public sealed class ProgressBar(TextWriter? output, TimeProvider? clock = null) : IProgress<WorkProgress>, IDisposable
{
    private const int Width = 30;
    private readonly TimeProvider time = clock ?? TimeProvider.System;
    private readonly long started = (clock ?? TimeProvider.System).GetTimestamp();
    private readonly Lock gate = new();
    private (string Step, int Percent) shown = ("", -1);
    private int lineLength;

    /// <summary>A bar on the console's stderr when it is a terminal; otherwise one that draws nothing.</summary>
    public static ProgressBar For(TextWriter stderr) =>
        new(ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected ? stderr : null);

    public void Report(WorkProgress value)
    {
        if (output is null) return;
        var percent = (int)Math.Clamp(value.Fraction * 100, 0, 100);
        lock (gate)
        {
            if (shown == (value.Step, percent)) return;
            shown = (value.Step, percent);
            var filled = percent * Width / 100;
            var line = string.Create(CultureInfo.InvariantCulture, $"{value.Step,-14} [{new string('#', filled)}{new string('-', Width - filled)}] {percent,3}%{Left(value.Fraction)}");
            output.Write('\r' + line.PadRight(lineLength));
            lineLength = line.Length;
            output.Flush();
        }
    }

    /// <summary>"  1m 05s left" at the pace so far; nothing in the first two seconds or before the first percent.</summary>
    private string Left(double fraction)
    {
        var elapsed = time.GetElapsedTime(started);
        if (elapsed < TimeSpan.FromSeconds(2) || fraction < 0.01 || fraction >= 1) return "";
        var left = TimeSpan.FromSeconds(Math.Round(elapsed.TotalSeconds * (1 - fraction) / fraction));
        return left.TotalMinutes >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"  {(int)left.TotalMinutes}m {left.Seconds:00}s left")
            : string.Create(CultureInfo.InvariantCulture, $"  {left.Seconds}s left");
    }

    /// <summary>Clears the line, so what follows on stderr starts clean.</summary>
    public void Dispose()
    {
        if (output is null || lineLength == 0) return;
        lock (gate) output.Write('\r' + new string(' ', lineLength) + '\r');
    }
}
