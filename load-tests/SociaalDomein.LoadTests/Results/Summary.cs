using System.Globalization;
using System.Text;

namespace SociaalDomein.LoadTests.Results;

/// <summary>The console summary of a run: the figures the README's goal table needs.</summary>
public static class Summary
{
    public static string Format(ScenarioResult r)
    {
        var s = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        s.AppendLine(inv, $"== {r.Scenario} ({r.Mode}, commit {r.Commit}, load average {string.Join(" ", r.LoadAverageAtStart)} → {string.Join(" ", r.LoadAverageAtEnd)}, {r.Cores} cores)");
        s.AppendLine(inv, $"lines {r.Lines} ({r.DistinctLines} distinct) in {r.DeclarationMessages} declarations, {r.Messages} records, {r.MegabytesProduced} MB");
        s.AppendLine(inv, $"end to end      {r.LinesPerSecond,10:0} lines/s   ({r.ElapsedSeconds} s; producing took {r.ProduceSeconds} s)");
        if (r.Ceiling is { } c) s.AppendLine(inv, $"ceiling         {c.LinesPerSecond,10:0} lines/s   pipeline = {r.ShareOfCeiling:P1} of it");
        if (r.BatchPeer is { } b) s.AppendLine(inv, $"batch peer      {b.LinesPerSecond,10:0} lines/s   pipeline = {r.RatioToBatchPeer:0.###} × it; daily rows differing: {b.MismatchedDailyRows}");
        s.AppendLine(inv, $"alert latency   {r.AlertLatencyMs} ({r.Alerts} alerts)");
        s.AppendLine(inv, $"durable latency {r.DurableLatencyMs}");
        s.AppendLine(inv, $"daily visible   {r.DailyTotalVisibilityMs}; not seen: {r.DailyTotalProbesNotSeen}");
        s.AppendLine(inv, $"consumer lag    max {r.MaxConsumerLag} records");
        if (r.Resources is { } u)
            s.AppendLine(inv, $"resources       peak RSS {u.PeakRssMb} MB, GC pauses {u.GcPauseMs} ms (gen0/1/2 {u.Gen0Collections}/{u.Gen1Collections}/{u.Gen2Collections}), allocated {u.AllocatedMb} MB, CPU pipeline {u.PipelineCpuSeconds} s + PostgreSQL {u.PostgresCpuSeconds} s = {r.LinesPerCpuSecond} lines per CPU-second");
        if (r.RssSlopeMbPerMinute is { } slope) s.AppendLine(inv, $"RSS slope (2nd half) {slope} MB/min");
        s.AppendLine(r.TotalsCheck);
        foreach (var note in r.Notes) s.AppendLine("note: " + note);
        return s.ToString();
    }
}
