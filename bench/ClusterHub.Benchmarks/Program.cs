using BenchmarkDotNet.Running;

// `compare EDGEFILE` is the ClusterHub side of bench/compare/compare.py; anything else goes to BenchmarkDotNet.
if (args is ["compare", var file]) return ClusterHub.Benchmarks.Compare.Run(file);
BenchmarkSwitcher.FromAssembly(typeof(ClusterHub.Benchmarks.NetworkBenchmarks).Assembly).Run(args);
return 0;
