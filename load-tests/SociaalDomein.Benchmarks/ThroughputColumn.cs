using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SociaalDomein.Benchmarks;

/// <summary>
/// MB/s or lines/s of one core, from the median time per operation (robust against other load on a shared machine) and
/// the size of the message each benchmark reads.
/// </summary>
public sealed class ThroughputColumn(ThroughputColumn.Unit unit) : IColumn
{
    public enum Unit
    {
        MegabytesPerSecond,
        LinesPerSecond,
    }

    // The benchmark process registers sizes in GlobalSetup; the host process that prints the summary runs it too (see Register).
    private static readonly ConcurrentDictionary<string, (long Bytes, int Lines)> Sizes = new(StringComparer.Ordinal);

    /// <summary>Records what one operation of <paramref name="benchmark"/> reads.</summary>
    public static void Register(string benchmark, long bytes, int lines) => Sizes[benchmark] = (bytes, lines);

    public string Id => $"{nameof(ThroughputColumn)}.{unit}";
    public string ColumnName => unit == Unit.MegabytesPerSecond ? "MB/s" : "lines/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => (int)unit;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => unit == Unit.MegabytesPerSecond
        ? "Megabytes (10^6 bytes) of XML read per second on one core, at the median time"
        : "Declaration lines (prestaties) or allocations read per second on one core, at the median time";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var name = benchmarkCase.Descriptor.WorkloadMethod.Name;
        if (Sizes.IsEmpty) new ParsingBenchmarks().Setup(); // the summary is printed by the host process, which did not run GlobalSetup
        var median = summary[benchmarkCase]?.ResultStatistics?.Median;
        if (median is not { } nanoseconds || !Sizes.TryGetValue(name, out var size)) return "-";
        var perSecond = 1e9 / nanoseconds;
        return unit == Unit.MegabytesPerSecond
            ? (size.Bytes * perSecond / 1e6).ToString("N1", CultureInfo.InvariantCulture)
            : (size.Lines * perSecond).ToString("N0", CultureInfo.InvariantCulture);
    }

    public override string ToString() => ColumnName;
}
