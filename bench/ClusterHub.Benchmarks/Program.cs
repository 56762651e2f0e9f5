using BenchmarkDotNet.Running;

// `compare EDGEFILE [--measures]` and `project PARTICIPATIONS` are the ClusterHub side of bench/compare/compare.py;
// anything else goes to BenchmarkDotNet.
if (args is ["compare", var file, ..]) return ClusterHub.Benchmarks.Compare.Run(file, args.Contains("--measures"));
if (args is ["project", var participations]) return ClusterHub.Benchmarks.Compare.Project(participations);
// `members-csv ROWS FILE` writes the seeded member import file that MemberImportBenchmarks imports, for whole-command measures.
if (args is ["members-csv", var rows, var path])
{
    ClusterHub.Benchmarks.MemberCsv.Write(path, int.Parse(rows, System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}
// `review-call` prints what the conflict and assignment benchmarks compute (counts, totals, one timed run each).
if (args is ["review-call"]) return ClusterHub.Benchmarks.AssignmentBenchmarks.Describe();
// `indicator-sources` prints how long each feature's indicator source takes on the MemberQueries database;
if (args is ["indicator-sources"]) return ClusterHub.Benchmarks.MemberQueriesBenchmarks.DescribeIndicators();
// `funnel-parts` prints how long each part of the projects' funnel dashboard takes on its benchmark database.
if (args is ["funnel-parts"]) return ClusterHub.Benchmarks.ProjectFunnelBenchmarks.DescribeParts();
// `funnel-db FILE` leaves a copy of that database in FILE, to read the dashboard's query plans in sqlite3.
if (args is ["funnel-db", var funnelDb]) return ClusterHub.Benchmarks.ProjectFunnelBenchmarks.WriteDatabase(funnelDb);
BenchmarkSwitcher.FromAssembly(typeof(ClusterHub.Benchmarks.NetworkBenchmarks).Assembly).Run(args);
return 0;
