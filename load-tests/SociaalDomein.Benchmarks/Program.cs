using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using SociaalDomein.Benchmarks;

// dotnet run -c Release --project load-tests/SociaalDomein.Benchmarks -- --filter '*' --job short --iterationCount 15 --warmupCount 5
var config = DefaultConfig.Instance
    .AddColumn(StatisticColumn.Median, StatisticColumn.Min)
    .AddColumn(new ThroughputColumn(ThroughputColumn.Unit.MegabytesPerSecond))
    .AddColumn(new ThroughputColumn(ThroughputColumn.Unit.LinesPerSecond));
BenchmarkSwitcher.FromAssembly(typeof(ParsingBenchmarks).Assembly).Run(args, config);
