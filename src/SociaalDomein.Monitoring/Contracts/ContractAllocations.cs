using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Allocations;
using SociaalDomein.Monitoring.Ledger;
using SociaalDomein.Monitoring.Rules.AllocationChecks;
using SociaalDomein.Monitoring.Signals;
using SociaalDomein.Monitoring.Traffic;

namespace SociaalDomein.Monitoring.Contracts;

/// <summary>
/// A contract's allocations as the contract grain holds them in memory: the current version of each, the definitive
/// stops reported for them, and what has been declared against each allocation number (also numbers no 301 names).
/// Rebuilt from the stores on activation; kept up to date line by line, so checking a new line costs the same however
/// many lines came before it.
/// </summary>
public sealed class ContractAllocations
{
    private readonly Dictionary<(Standard, long), AllocationVersion> _versions = new();
    private readonly Dictionary<(Standard, long), List<CareReport>> _careReports = new();
    private readonly Dictionary<(Standard, long), DateOnly> _definitiveStops = new();
    private readonly Dictionary<(Standard, long), AllocationUsage> _usage = new();

    /// <summary>
    /// Allocations with at least one folded ledger line (a usage that nets to zero still has lines, whose signals a new
    /// version may change). An allocation not in here has nothing in the ledger to judge again.
    /// </summary>
    private readonly HashSet<(Standard, long)> _declared = new();

    /// <summary>The rules' view of each allocation, made once per change rather than once per declaration line.</summary>
    private readonly Dictionary<(Standard, long), AllocationSnapshot> _snapshots = new();

    public IEnumerable<AllocationVersion> Versions => _versions.Values;

    public AllocationVersion? Version((Standard, long) key) => _versions.GetValueOrDefault(key);

    public IEnumerable<((Standard Standard, long ToewijzingNummer) Key, AllocationUsage Usage)> Usages =>
        _usage.Select(kv => ((kv.Key.Item1, kv.Key.Item2), kv.Value));

    /// <summary>
    /// Allocations that ended before this year were forgotten (<see cref="ForgetSettled"/>); every allocation that touches
    /// this year or a later one is held. <see cref="int.MinValue"/> while nothing was forgotten since the last load.
    /// </summary>
    public int HeldFromYear { get; private set; } = int.MinValue;

    public bool HasForgotten => HeldFromYear != int.MinValue;

    /// <summary>How many allocation numbers are held (with a version, care reports or declared lines).</summary>
    public int HeldCount => _versions.Keys.Concat(_usage.Keys).Concat(_careReports.Keys).Distinct().Count();

    /// <summary>Whether anything of the allocation is held: a version, a start or stop report, or declared lines.</summary>
    public bool Holds((Standard, long) key) => _versions.ContainsKey(key) || _usage.ContainsKey(key) || _careReports.ContainsKey(key);

    /// <summary>Replaces everything held by the stores' view (on activation, and to read back what was forgotten).</summary>
    public void Load(IEnumerable<AllocationVersion> versions, IEnumerable<CareReport> careReports,
        IReadOnlyDictionary<(Standard Standard, long ToewijzingNummer), AllocationUsage> usage)
    {
        _versions.Clear();
        _careReports.Clear();
        _definitiveStops.Clear();
        _usage.Clear();
        _declared.Clear();
        HeldFromYear = int.MinValue;
        foreach (var version in versions) _versions[version.Key] = version;
        foreach (var report in careReports) AddCareReport(report);
        foreach (var (key, value) in usage)
        {
            _usage[key] = value;
            _declared.Add(key);
        }
        _snapshots.Clear();
    }

    /// <summary>
    /// Forgets every allocation whose last year — of its period (up to a definitive stop), its care reports and the lines
    /// declared against it — lies before <paramref name="firstOpenYear"/>: its figures can no longer move, and holding
    /// it would grow the grain with every year the contract runs. Allocations without an end are kept. Returns how many
    /// were forgotten.
    /// </summary>
    public int ForgetSettled(int firstOpenYear)
    {
        var settled = _versions.Keys.Concat(_usage.Keys).Concat(_careReports.Keys).Distinct()
            .Where(key => LastYear(key) < firstOpenYear).ToList();
        foreach (var key in settled)
        {
            _versions.Remove(key);
            _careReports.Remove(key);
            _definitiveStops.Remove(key);
            _usage.Remove(key);
            _declared.Remove(key);
            _snapshots.Remove(key);
        }
        if (settled.Count > 0) HeldFromYear = Math.Max(HeldFromYear, firstOpenYear);
        return settled.Count;
    }

    /// <summary>The last year anything of the allocation concerns; <see cref="int.MaxValue"/> while its period has no end.</summary>
    private int LastYear((Standard, long) key)
    {
        var last = int.MinValue;
        if (_versions.TryGetValue(key, out var version))
        {
            // A deleted allocation counts as never sent: only its own dates and the lines declared against it remain.
            var end = version.Deleted ? version.Einddatum ?? version.Ingangsdatum : version.Einddatum;
            if (!version.Deleted && _definitiveStops.TryGetValue(key, out var stop) && (end is null || stop < end)) end = stop;
            if (end is null) return int.MaxValue;
            last = end.Value.Year;
        }
        if (_careReports.TryGetValue(key, out var reports))
        {
            foreach (var report in reports)
                last = Math.Max(last, (report.Einddatum ?? report.Begindatum).Year);
        }
        if (_usage.TryGetValue(key, out var usage))
        {
            foreach (var month in usage.Months) last = Math.Max(last, month.Year);
        }
        return last;
    }

    /// <summary>Makes <paramref name="version"/> current when it is newer than the one held; true when it did.</summary>
    public bool Apply(AllocationVersion version)
    {
        if (_versions.TryGetValue(version.Key, out var current) && !version.IsNewerThan(current)) return false;
        _versions[version.Key] = version;
        _snapshots.Remove(version.Key);
        return true;
    }

    /// <summary>Adds a start or stop report; true when it changed the allocation's definitive stop.</summary>
    public bool Apply(CareReport report)
    {
        var before = _definitiveStops.GetValueOrDefault(report.AllocationKey);
        AddCareReport(report);
        return _definitiveStops.GetValueOrDefault(report.AllocationKey) != before;
    }

    /// <summary>The rules' view of an allocation, or null when no 301 named it.</summary>
    public AllocationSnapshot? Snapshot((Standard, long) key)
    {
        if (_snapshots.TryGetValue(key, out var snapshot)) return snapshot;
        if (!_versions.TryGetValue(key, out var version)) return null;
        snapshot = AllocationSnapshot.From(version, _definitiveStops.TryGetValue(key, out var stop) ? stop : null);
        _snapshots[key] = snapshot;
        return snapshot;
    }

    /// <summary>Whether any folded line was declared against the allocation; false means judging it again finds nothing.</summary>
    public bool HasDeclaredLines((Standard, long) key) => _declared.Contains(key);

    /// <summary>What was declared against the allocation, without keeping an empty usage for one nothing was declared against.</summary>
    public AllocationUsage UsageOrEmpty((Standard, long) key) => _usage.GetValueOrDefault(key) ?? new AllocationUsage();

    public AllocationUsage Usage((Standard, long) key)
    {
        if (!_usage.TryGetValue(key, out var usage))
        {
            usage = new AllocationUsage();
            _usage[key] = usage;
        }
        return usage;
    }

    /// <summary>Checks a new line against its allocation and what was declared before it, then counts it.</summary>
    public IReadOnlyList<LineSignal> CheckAndRecord(DeclarationLine line)
    {
        var key = (line.Standard, line.ToewijzingNummer);
        var facts = DeclarationLineFacts.From(line);
        var usage = Usage(key);
        var signals = DeclarationLineCheck.Check(Snapshot(key), facts, usage).Select(f => ToSignal(line, f)).ToList();
        usage.Record(facts);
        _declared.Add(key);
        return signals;
    }

    /// <summary>
    /// Judges all lines of one allocation again against its current version (after a new version or a definitive stop),
    /// in ledger order, and makes its usage exactly what they add up to.
    /// </summary>
    public IReadOnlyList<LineSignal> Rejudge((Standard, long) key, IReadOnlyList<LedgerEntry> entriesInOrder)
    {
        var snapshot = Snapshot(key);
        var usage = new AllocationUsage();
        var signals = new List<LineSignal>();
        foreach (var entry in entriesInOrder)
        {
            var facts = DeclarationLineFacts.From(entry.Line);
            signals.AddRange(DeclarationLineCheck.Check(snapshot, facts, usage).Select(f => ToSignal(entry.Line, f)));
            usage.Record(facts);
        }
        _usage[key] = usage;
        if (entriesInOrder.Count > 0) _declared.Add(key);
        return signals;
    }

    private static LineSignal ToSignal(DeclarationLine line, DeclarationFinding finding) =>
        new(line.Standard, line.MunicipalityCode, line.ProviderAgb, line.ReferentieNummer, line.ToewijzingNummer, finding.RuleCode,
            $"Line {line.ReferentieNummer}: {finding.Description}", line.MessageId);

    private void AddCareReport(CareReport report)
    {
        if (!_careReports.TryGetValue(report.AllocationKey, out var reports))
        {
            reports = [];
            _careReports[report.AllocationKey] = reports;
        }
        if (reports.Any(r => r.Kind == report.Kind && r.Begindatum == report.Begindatum && r.MessageId == report.MessageId)) return;
        reports.Add(report);

        if (DefinitiveStop(reports) is { } stop) _definitiveStops[report.AllocationKey] = stop;
        else _definitiveStops.Remove(report.AllocationKey);
        _snapshots.Remove(report.AllocationKey);
    }

    /// <summary>
    /// The last day of care of a definitive stop that still stands: per delivery (Begindatum) the latest report counts
    /// (a StatusAanlevering 3 withdraws it); a start after the stop means care resumed.
    /// </summary>
    private static DateOnly? DefinitiveStop(List<CareReport> reports)
    {
        DateOnly? Latest(CareReportKind kind, Func<CareReport, DateOnly?> day) => reports
            .Where(r => r.Kind == kind)
            .GroupBy(r => r.Begindatum)
            .Select(g => g.OrderBy(r => r.ReceivedOn).Last())
            .Where(r => !r.Deleted && (kind == CareReportKind.Start || r.Definitive))
            .Select(day).Max();

        var stop = Latest(CareReportKind.Stop, r => r.Einddatum);
        var lastStart = Latest(CareReportKind.Start, r => r.Begindatum);
        return stop is { } s && !(lastStart > s) ? s : null;
    }
}
