using System.CommandLine;
using ClusterHub.Cli;

// One executable: the web server and the command line share the same composition root and operations.
return await Commands.RunAsync(args);
