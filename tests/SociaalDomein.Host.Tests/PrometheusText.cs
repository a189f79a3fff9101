using System.Globalization;
using System.Text.RegularExpressions;

namespace SociaalDomein.Host.Tests;

/// <summary>Reads samples from the Prometheus text exposition format, as a scraper would.</summary>
internal static partial class PrometheusText
{
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public static IReadOnlyList<Sample> Parse(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(ParseLine).OfType<Sample>().ToList();

    /// <summary>Sum of the samples called <paramref name="name"/> that carry every given label value.</summary>
    public static double Sum(string text, string name, params (string Label, string Value)[] labels) =>
        Parse(text).Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value)).Sum(s => s.Value);

    public static IReadOnlyList<Sample> Named(string text, string name) => Parse(text).Where(s => s.Name == name).ToList();

    private static Sample? ParseLine(string line)
    {
        var match = SampleLine().Match(line);
        if (!match.Success) return null;
        var labels = LabelPair().Matches(match.Groups["labels"].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var raw = match.Groups["value"].Value;
        var value = raw switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            _ => double.Parse(raw, CultureInfo.InvariantCulture),
        };
        return new Sample(match.Groups["name"].Value, labels, value);
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
