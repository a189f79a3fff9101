namespace SociaalDomein.LoadTests.Measurement;

/// <summary>p50/p95/p99/max of a set of latencies in milliseconds (nearest rank); null figures when there are no samples.</summary>
public sealed record Percentiles(int Count, double? P50, double? P95, double? P99, double? Max)
{
    public static Percentiles Of(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0) return new Percentiles(0, null, null, null, null);
        return new Percentiles(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), sorted[^1]);
    }

    private static double Rank(double[] sorted, double p) =>
        Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 1);

    public override string ToString() => Count == 0
        ? "no samples"
        : $"p50 {P50:0} ms, p95 {P95:0} ms, p99 {P99:0} ms, max {Max:0} ms (n = {Count})";
}
