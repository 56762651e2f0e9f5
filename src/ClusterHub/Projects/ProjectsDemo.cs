namespace ClusterHub.Projects;

internal static class ProjectsDemo
{
    public static Task LoadAsync(Demo.DemoSeed seed, CancellationToken ct) => Task.CompletedTask;
}
