using System.Diagnostics;

namespace SociaalDomein.LoadTests.Measurement;

/// <summary>One memory sample of the pipeline's process(es).</summary>
/// <param name="ManagedHeapMb">The managed heap after the latest collection of any generation (garbage of older generations included).</param>
/// <param name="LiveHeapMb">What survived the latest full (gen2) collection: the live managed heap then; null before the first.</param>
public sealed record MemorySample(double Seconds, double RssMb, double ManagedHeapMb, double? LiveHeapMb = null);

/// <summary>
/// Samples the resident set of the pipeline's processes (and this process's managed heap) and accounts CPU time of the
/// pipeline and of PostgreSQL's backends between <see cref="Start"/> and <see cref="Stop"/>.
/// </summary>
public sealed class ProcessMonitor : IDisposable
{
    private readonly Func<IReadOnlyList<int>> _pipelinePids;
    private readonly string? _postgresDataDirectory;
    private readonly List<MemorySample> _samples = [];
    private readonly Dictionary<int, double> _postgresCpuAtStart = [];
    private readonly Dictionary<int, double> _pipelineCpuAtStart = [];
    private readonly Timer _timer;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _gcPauseAtStart;
    private int _gen0, _gen1, _gen2;
    private long _allocatedAtStart;
    private double _peakRssMb;

    public ProcessMonitor(Func<IReadOnlyList<int>> pipelinePids, string? postgresDataDirectory, TimeSpan interval)
    {
        _pipelinePids = pipelinePids;
        _postgresDataDirectory = postgresDataDirectory;
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, interval);
    }

    public IReadOnlyList<MemorySample> Samples
    {
        get
        {
            lock (_samples) return _samples.ToList();
        }
    }

    /// <summary>Largest sampled resident set summed over the pipeline processes; for one process also its kernel high-water mark.</summary>
    public double PeakRssMb
    {
        get
        {
            var pids = _pipelinePids();
            var hwm = pids.Count == 1 ? ProcStatus.Memory(pids[0]).PeakRss / 1048576.0 : 0;
            lock (_samples) return Math.Round(Math.Max(_peakRssMb, hwm), 1);
        }
    }

    private double _postgresReapedAtStart;

    public void Start()
    {
        _gcPauseAtStart = GC.GetTotalPauseDuration();
        (_gen0, _gen1, _gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        _allocatedAtStart = GC.GetTotalAllocatedBytes();
        foreach (var pid in PostgresPids()) _postgresCpuAtStart[pid] = ProcStatus.CpuSeconds(pid);
        _postgresReapedAtStart = PostmasterPid() is { } postmaster ? ProcStatus.ReapedChildrenCpuSeconds(postmaster) : 0;
        foreach (var pid in _pipelinePids()) _pipelineCpuAtStart[pid] = ProcStatus.CpuSeconds(pid);
    }

    /// <summary>CPU and GC figures since <see cref="Start"/> (GC figures are this process's own).</summary>
    public ResourceUse Stop()
    {
        Sample();
        // Backends alive at the end, plus those that ended meanwhile (their CPU moves to the postmaster's reaped-children
        // time when they exit, start value included: that part is taken off again).
        var alive = PostgresPids().ToList();
        var postgresCpu = alive.Sum(pid => ProcStatus.CpuSeconds(pid) - _postgresCpuAtStart.GetValueOrDefault(pid))
                          + (PostmasterPid() is { } postmaster ? ProcStatus.ReapedChildrenCpuSeconds(postmaster) - _postgresReapedAtStart : 0)
                          - _postgresCpuAtStart.Where(p => !alive.Contains(p.Key)).Sum(p => p.Value);
        var pipelineCpu = _pipelinePids().Sum(pid => ProcStatus.CpuSeconds(pid) - _pipelineCpuAtStart.GetValueOrDefault(pid));
        return new ResourceUse(
            Math.Round(pipelineCpu, 2),
            Math.Round(postgresCpu, 2),
            Math.Round((GC.GetTotalPauseDuration() - _gcPauseAtStart).TotalMilliseconds, 1),
            GC.CollectionCount(0) - _gen0, GC.CollectionCount(1) - _gen1, GC.CollectionCount(2) - _gen2,
            Math.Round((GC.GetTotalAllocatedBytes() - _allocatedAtStart) / 1048576.0, 1),
            PeakRssMb);
    }

    private IEnumerable<int> PostgresPids()
    {
        if (PostmasterPid() is not { } postmaster) return [];
        return ProcStatus.Children(postmaster).Append(postmaster);
    }

    private int? PostmasterPid() => _postgresDataDirectory is null ? null : ProcStatus.PostmasterPid(_postgresDataDirectory);

    private void Sample()
    {
        var rss = _pipelinePids().Sum(pid => ProcStatus.Memory(pid).Rss) / 1048576.0;
        var heap = GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0;
        var full = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        var background = GC.GetGCMemoryInfo(GCKind.Background);
        var gen2 = full.Index >= background.Index ? full : background;
        double? live = gen2.Index == 0 ? null : Math.Round(gen2.PromotedBytes / 1048576.0, 1);
        lock (_samples)
        {
            _peakRssMb = Math.Max(_peakRssMb, rss);
            _samples.Add(new MemorySample(Math.Round(_clock.Elapsed.TotalSeconds, 1), Math.Round(rss, 1), Math.Round(heap, 1), live));
        }
    }

    public void Dispose() => _timer.Dispose();
}

/// <param name="PipelineCpuSeconds">CPU time of the pipeline process(es): in-process runs include the harness and the mock broker.</param>
/// <param name="PostgresCpuSeconds">CPU time of the private PostgreSQL: postmaster and backends, also those that ended during the measurement.</param>
public sealed record ResourceUse(
    double PipelineCpuSeconds,
    double PostgresCpuSeconds,
    double GcPauseMs,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    double AllocatedMb,
    double PeakRssMb);
