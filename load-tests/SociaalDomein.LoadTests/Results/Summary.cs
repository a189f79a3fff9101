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
        if (r.AlertLatencyMs is not null) s.AppendLine(inv, $"alert latency   {r.AlertLatencyMs} ({r.Alerts} alerts)");
        if (r.DurableLatencyMs is not null) s.AppendLine(inv, $"durable latency {r.DurableLatencyMs}");
        if (r.DailyTotalVisibilityMs is not null) s.AppendLine(inv, $"daily visible   {r.DailyTotalVisibilityMs}; not seen: {r.DailyTotalProbesNotSeen}");
        s.AppendLine(inv, $"consumer lag    max {r.MaxConsumerLag} records");
        if (r.Resources is { } u)
            s.AppendLine(inv, $"resources       peak RSS {u.PeakRssMb} MB, GC pauses {u.GcPauseMs} ms (gen0/1/2 {u.Gen0Collections}/{u.Gen1Collections}/{u.Gen2Collections}), allocated {u.AllocatedMb} MB, CPU pipeline {u.PipelineCpuSeconds} s + PostgreSQL {u.PostgresCpuSeconds} s = {r.LinesPerCpuSecond} lines per CPU-second");
        if (r.ScaleOut is { } o)
        {
            s.AppendLine(inv, $"scale-out       {o.Silos} silos, {o.Workers} workers, {o.Partitions} partitions; warm-up {o.WarmUpRecords} records in {o.WarmUpSeconds} s (not measured)");
            s.AppendLine(inv, $"lines/s         before the kills {o.LinesPerSecondBeforeKills}, during recovery {o.LinesPerSecondDuringRecovery}, after {o.LinesPerSecondAfterRecovery} ({o.BucketSeconds} s buckets)");
            s.AppendLine(inv, $"records/s       before the kills {o.RecordsPerSecondBeforeKills}, during recovery {o.RecordsPerSecondDuringRecovery}, after {o.RecordsPerSecondAfterRecovery}");
            foreach (var k in o.Kills)
            {
                var dead = k.DeclaredDeadAfterSeconds is { } d ? string.Create(inv, $"declared dead after {d} s; ") : "";
                s.AppendLine(inv, $"SIGKILL {k.Process,-9} at {k.AtSeconds} s ({k.DeclarationsDurable} of {o.Declarations} declarations durable); " +
                                  $"replacement at {k.RestartedAtSeconds?.ToString(inv) ?? "-"} s; back at ≥ {o.RecoveryShare:P0} after " +
                                  $"{k.RecoveredAfterSeconds?.ToString(inv) ?? "never"} s; {dead}longest stall {k.LongestStallSeconds} s; " +
                                  $"slowest bucket {k.LowestBucketLinesPerSecond} lines/s");
            }
            foreach (var p in o.Processes)
                s.AppendLine(inv, $"process         {p.Name,-22} {p.Roles,-13} CPU {p.CpuSeconds} s, peak RSS {p.PeakRssMb} MB{(p.KilledAtSeconds is { } at ? $", killed at {at} s" : "")}");
        }
        if (r.RssSlopeMbPerMinute is { } slope) s.AppendLine(inv, $"RSS slope (2nd half) {slope} MB/min");
        if (r.LiveHeapSlopeMbPerMinute is { } live) s.AppendLine(inv, $"live heap slope (2nd half) {live} MB/min");
        s.AppendLine(r.TotalsCheck);
        foreach (var note in r.Notes) s.AppendLine("note: " + note);
        return s.ToString();
    }
}
