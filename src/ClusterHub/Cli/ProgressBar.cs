using System.Globalization;
using ClusterHub.Web;

namespace ClusterHub.Cli;

/// <summary>
/// A one-line progress bar for long commands, redrawn in place on stderr:
/// <c>betweenness    [###########---------------]  42%</c>.
/// Thread-safe (the engine reports from its parallel workers) and redrawn only when the step or the whole percent
/// changes. Silent when stderr is not a terminal, so pipes, logs and the single error line stay clean.
/// </summary>
public sealed class ProgressBar(TextWriter? output) : IProgress<WorkProgress>, IDisposable
{
    private const int Width = 30;
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
            var line = string.Create(CultureInfo.InvariantCulture, $"{value.Step,-14} [{new string('#', filled)}{new string('-', Width - filled)}] {percent,3}%");
            output.Write('\r' + line.PadRight(lineLength));
            lineLength = line.Length;
            output.Flush();
        }
    }

    /// <summary>Clears the line, so what follows on stderr starts clean.</summary>
    public void Dispose()
    {
        if (output is null || lineLength == 0) return;
        lock (gate) output.Write('\r' + new string(' ', lineLength) + '\r');
    }
}
