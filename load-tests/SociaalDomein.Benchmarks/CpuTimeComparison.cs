using System.Diagnostics;
using System.Globalization;

namespace SociaalDomein.Benchmarks;

/// <summary>
/// The same comparison as <see cref="ParsingBenchmarks"/>, timed in process CPU time instead of wall-clock time and with
/// parser and ceiling alternating round by round, so other load on a shared machine affects both alike. A cross-check
/// for the BenchmarkDotNet figures, not a replacement.
/// </summary>
internal static class CpuTimeComparison
{
    public static void Run(TextWriter output)
    {
        var benchmarks = new ParsingBenchmarks();
        benchmarks.Setup();
        Compare(output, "JW323, 600 prestaties", operations: 40,
            () => benchmarks.Declaratie323ParseAndValidate(), () => benchmarks.Declaratie323XmlReaderCeiling());
        Compare(output, "JW301, 5 allocations", operations: 2_000,
            () => benchmarks.Toewijzing301ParseAndValidate(), () => benchmarks.Toewijzing301XmlReaderCeiling());
    }

    private static void Compare(TextWriter output, string name, int operations, Action parser, Action ceiling)
    {
        const int rounds = 25;
        var parserBest = double.MaxValue;
        var ceilingBest = double.MaxValue;
        for (var round = 0; round < rounds + 3; round++)
        {
            var p = CpuMicrosecondsPerOperation(parser, operations);
            var c = CpuMicrosecondsPerOperation(ceiling, operations);
            if (round < 3) continue; // warm-up
            parserBest = Math.Min(parserBest, p);
            ceilingBest = Math.Min(ceilingBest, c);
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: parse+validate {parserBest:F1} µs, XmlReader ceiling {ceilingBest:F1} µs CPU per message (best of {rounds} rounds): {100 * ceilingBest / parserBest:F0} % of the ceiling"));
    }

    private static double CpuMicrosecondsPerOperation(Action action, int operations)
    {
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        for (var i = 0; i < operations; i++) action();
        process.Refresh();
        return (process.TotalProcessorTime - before).TotalMicroseconds / operations;
    }
}
