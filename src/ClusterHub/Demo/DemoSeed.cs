namespace ClusterHub.Demo;

/// <summary>What each feature's demo step gets: the services, the samples folder, the day, and the cluster once created.</summary>
public sealed class DemoSeed(IServiceProvider services, string folder, DateOnly today, TextWriter log)
{
    public IServiceProvider Services { get; } = services;
    public string Folder { get; } = folder;
    public DateOnly Today { get; } = today;
    public TextWriter Log { get; } = log;

    /// <summary>Set by the clusters step, which registers Nuclear Valley; every later step works in it.</summary>
    public int ClusterId { get; set; }

    private readonly List<Func<CancellationToken, Task>> lastSteps = [];

    /// <summary>A step that needs every feature's data (a review reads every indicator): it runs once all features have loaded theirs.</summary>
    public void Finally(Func<CancellationToken, Task> step) => lastSteps.Add(step);

    public async Task RunFinalStepsAsync(CancellationToken ct)
    {
        foreach (var step in lastSteps) await step(ct);
    }

    public string File(string name) => Path.Combine(Folder, name);

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();
}
