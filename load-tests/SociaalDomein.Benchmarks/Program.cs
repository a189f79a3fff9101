using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using SociaalDomein.Benchmarks;

// dotnet run -c Release --project load-tests/SociaalDomein.Benchmarks -- --filter '*' --job short
var config = DefaultConfig.Instance
    .AddColumn(new ThroughputColumn(ThroughputColumn.Unit.MegabytesPerSecond))
    .AddColumn(new ThroughputColumn(ThroughputColumn.Unit.LinesPerSecond));
BenchmarkSwitcher.FromAssembly(typeof(ParsingBenchmarks).Assembly).Run(args, config);
