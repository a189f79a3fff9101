using System.Collections.Concurrent;
using System.Text;
using Confluent.Kafka;
using SociaalDomein.Ingestion.Worker;

namespace SociaalDomein.Host.Tests.Worker;

public sealed class ProcessingLanesTests
{
    private static ConsumeResult<byte[]?, byte[]?> Record(string key, long offset, int valueBytes = 10) => new()
    {
        TopicPartitionOffset = new TopicPartitionOffset("istd.ijw", 0, offset),
        Message = new Message<byte[]?, byte[]?> { Key = Encoding.UTF8.GetBytes(key), Value = new byte[valueBytes] },
    };

    [Fact]
    public async Task Records_with_the_same_key_run_in_order_while_other_keys_overlap_them()
    {
        var order = new ConcurrentDictionary<string, ConcurrentQueue<long>>();
        var running = 0;
        var mostAtOnce = 0;
        var lanes = new ProcessingLanes(8, 64, long.MaxValue, async record =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            await Task.Delay(5);
            order.GetOrAdd(Encoding.UTF8.GetString(record.Message.Key!), _ => new()).Enqueue(record.Offset.Value);
            Interlocked.Decrement(ref running);
        });

        var keys = Enumerable.Range(0, 20).Select(i => $"0{i:000}:1234567{i % 10}").ToList();
        var offset = 0L;
        for (var round = 0; round < 10; round++)
            foreach (var key in keys) await lanes.AdmitAsync(Record(key, offset++), CancellationToken.None);
        await lanes.CompleteAsync();

        Assert.Equal(20, order.Count);
        foreach (var (_, offsets) in order)
        {
            Assert.Equal(10, offsets.Count);
            Assert.Equal(offsets.Order(), offsets); // consumption order within a key
        }
        Assert.InRange(mostAtOnce, 2, 8); // overlapped, and never more than one per lane
    }

    [Fact]
    public async Task Admission_waits_while_the_records_or_bytes_in_flight_are_at_their_bound()
    {
        var gate = new TaskCompletionSource();
        var started = 0;
        var lanes = new ProcessingLanes(4, 2, 1_000, async _ =>
        {
            Interlocked.Increment(ref started);
            await gate.Task;
        });

        await lanes.AdmitAsync(Record("a", 0, 400), CancellationToken.None);
        await lanes.AdmitAsync(Record("b", 1, 400), CancellationToken.None);
        var third = lanes.AdmitAsync(Record("c", 2, 400), CancellationToken.None); // no slot
        await Task.Delay(200);
        Assert.False(third.IsCompleted);

        gate.SetResult();
        await third;
        await lanes.CompleteAsync();
        Assert.Equal(3, started);
    }

    [Fact]
    public async Task A_record_larger_than_the_byte_bound_passes_alone_once_the_lanes_are_empty()
    {
        var gate = new TaskCompletionSource();
        var lanes = new ProcessingLanes(4, 10, 1_000, _ => gate.Task);

        await lanes.AdmitAsync(Record("a", 0, 600), CancellationToken.None);
        var large = lanes.AdmitAsync(Record("b", 1, 5_000), CancellationToken.None);
        await Task.Delay(200);
        Assert.False(large.IsCompleted); // 600 + 5 000 bytes would pass the bound

        gate.SetResult();
        await large; // alone it may exceed the bound: otherwise it could never be processed
        await lanes.CompleteAsync();
    }

    [Fact]
    public async Task Cancelling_a_waiting_admission_gives_its_slot_back()
    {
        var gate = new TaskCompletionSource();
        var lanes = new ProcessingLanes(1, 1, long.MaxValue, _ => gate.Task);
        await lanes.AdmitAsync(Record("a", 0), CancellationToken.None);

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lanes.AdmitAsync(Record("b", 1), cancel.Token));

        gate.SetResult();
        await lanes.AdmitAsync(Record("c", 2), CancellationToken.None);
        await lanes.CompleteAsync();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
