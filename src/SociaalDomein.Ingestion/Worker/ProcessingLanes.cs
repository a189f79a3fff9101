using System.Threading.Channels;
using Confluent.Kafka;

namespace SociaalDomein.Ingestion.Worker;

/// <summary>
/// Runs records concurrently, one lane per hash of the record key: records with the same key (one contract:
/// municipality + provider) stay in order on one lane, records of different contracts overlap their database and silo
/// round trips. What is admitted is bounded in records and bytes, so a slow store stops the consume loop, and with it
/// fetching, instead of growing memory.
/// </summary>
public sealed class ProcessingLanes
{
    private readonly Channel<ConsumeResult<byte[]?, byte[]?>>[] _lanes;
    private readonly Task[] _runners;
    private readonly SemaphoreSlim _slots;
    private readonly SemaphoreSlim _released = new(0);
    private readonly long _maxBytes;
    private long _bytes;

    /// <param name="process">Runs one record until it is durable or given up; must not throw.</param>
    public ProcessingLanes(int lanes, int maxRecords, long maxBytes, Func<ConsumeResult<byte[]?, byte[]?>, Task> process)
    {
        _slots = new SemaphoreSlim(maxRecords, maxRecords);
        _maxBytes = maxBytes;
        _lanes = new Channel<ConsumeResult<byte[]?, byte[]?>>[lanes];
        _runners = new Task[lanes];
        for (var i = 0; i < lanes; i++)
        {
            var lane = _lanes[i] = Channel.CreateUnbounded<ConsumeResult<byte[]?, byte[]?>>(
                new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            _runners[i] = Task.Run(async () =>
            {
                await foreach (var record in lane.Reader.ReadAllAsync())
                {
                    try
                    {
                        await process(record);
                    }
                    finally
                    {
                        Interlocked.Add(ref _bytes, -Size(record));
                        _slots.Release();
                        // Only a wake-up for a waiting AdmitAsync: no need to count more than one.
                        if (_released.CurrentCount == 0) _released.Release();
                    }
                }
            });
        }
    }

    /// <summary>
    /// Waits for room (a free slot, and the bytes in flight below the bound unless nothing is in flight, so that one
    /// record larger than the bound still passes alone), then queues the record on its key's lane.
    /// </summary>
    public async Task AdmitAsync(ConsumeResult<byte[]?, byte[]?> record, CancellationToken cancellationToken)
    {
        var size = Size(record);
        await _slots.WaitAsync(cancellationToken);
        try
        {
            while (Interlocked.Read(ref _bytes) is var inFlight && inFlight > 0 && inFlight + size > _maxBytes)
                await _released.WaitAsync(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
        catch
        {
            _slots.Release();
            throw;
        }
        Interlocked.Add(ref _bytes, size);
        _lanes[LaneOf(record)].Writer.TryWrite(record);
    }

    /// <summary>Lets every lane finish what it was given and waits for them.</summary>
    public Task CompleteAsync()
    {
        foreach (var lane in _lanes) lane.Writer.TryComplete();
        return Task.WhenAll(_runners);
    }

    private int LaneOf(ConsumeResult<byte[]?, byte[]?> record)
    {
        var key = record.Message.Key;
        if (key is null || key.Length == 0) return record.Partition.Value % _lanes.Length;
        // FNV-1a: stable across processes and runs (string.GetHashCode is randomised per process).
        var hash = 2166136261u;
        foreach (var b in key) hash = (hash ^ b) * 16777619u;
        return (int)(hash % (uint)_lanes.Length);
    }

    private static long Size(ConsumeResult<byte[]?, byte[]?> record) =>
        (record.Message.Value?.Length ?? 0) + (record.Message.Key?.Length ?? 0);
}
