using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using SociaalDomein.Benchmarks;

// dotnet run -c Release --project load-tests/SociaalDomein.Benchmarks -- --filter '*' --job short --iterationCount 15 --warmupCount 5
// dotnet run -c Release --project load-tests/SociaalDomein.Benchmarks -- --cpu-time   (cross-check in CPU time, see CpuTimeComparison)
if (args is ["--cpu-time"])
{
    CpuTimeComparison.Run(Console.Out);
    return;
}

var config = DefaultConfig.Instance
    .AddColumn(StatisticColumn.Median, StatisticColumn.Min)
    .AddColumn(new ThroughputColumn(ThroughputColumn.Unit.MegabytesPerSecond))
    .AddColumn(new ThroughputColumn(ThroughputColumn.Unit.LinesPerSecond));
BenchmarkSwitcher.FromAssembly(typeof(ParsingBenchmarks).Assembly).Run(args, config);
