using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(ClusterHub.Benchmarks.MemberQueriesBenchmarks).Assembly).Run(args);
