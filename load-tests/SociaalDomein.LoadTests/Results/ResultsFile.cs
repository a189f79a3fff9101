using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SociaalDomein.LoadTests.Results;

/// <summary>
/// results/latest.json: one object per scenario, the latest run of each (a run replaces its scenario's object and keeps
/// the others). Every run is also kept whole under results/runs/.
/// </summary>
public static class ResultsFile
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Write(string resultsDirectory, ScenarioResult result)
    {
        Directory.CreateDirectory(Path.Combine(resultsDirectory, "runs"));
        var node = JsonSerializer.SerializeToNode(result, Json)!.AsObject();

        var stamp = DateTimeOffset.Parse(result.RunAt, System.Globalization.CultureInfo.InvariantCulture).ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(resultsDirectory, "runs", $"{stamp}-{result.Scenario}.json"), node.ToJsonString(Json));

        // latest.json keeps the summary and the figures, not the long series (those stay in runs/).
        var summary = node.DeepClone().AsObject();
        summary.Remove("consumerLag");
        summary.Remove("memory");
        summary.Remove("throughput");
        var latestPath = Path.Combine(resultsDirectory, "latest.json");
        var all = File.Exists(latestPath) ? JsonNode.Parse(File.ReadAllText(latestPath))!.AsArray() : [];
        var kept = all.Where(n => n?["scenario"]?.GetValue<string>() != result.Scenario).Select(n => n!.DeepClone()).ToList();
        kept.Add(summary);
        var order = new List<string> { "region-year", "month-start-peak", "latency", "national-year", "soak", "scale-out" };
        var sorted = new JsonArray(kept.OrderBy(n => order.IndexOf(n["scenario"]!.GetValue<string>()) is var i and >= 0 ? i : 99).ToArray());
        File.WriteAllText(latestPath, sorted.ToJsonString(Json) + "\n");
    }
}
