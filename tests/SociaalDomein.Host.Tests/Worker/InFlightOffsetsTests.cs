using Confluent.Kafka;
using SociaalDomein.Ingestion.Worker;

namespace SociaalDomein.Host.Tests.Worker;

public sealed class InFlightOffsetsTests
{
    private static readonly TopicPartition P0 = new("istd.ijw", 0);
    private static readonly TopicPartition P1 = new("istd.ijw", 1);

    [Fact]
    public void A_record_finishing_before_an_earlier_one_releases_nothing_until_the_earlier_one_is_durable()
    {
        var offsets = new InFlightOffsets();
        foreach (var o in new long[] { 10, 11, 12 }) offsets.Started(new TopicPartitionOffset(P0, o));

        Assert.Null(offsets.Completed(new TopicPartitionOffset(P0, 12)));
        Assert.Null(offsets.Completed(new TopicPartitionOffset(P0, 11)));
        Assert.Empty(offsets.TakeStorable());
        Assert.Equal(3, offsets.CountOn([P0]));

        Assert.Equal(new TopicPartitionOffset(P0, 13), offsets.Completed(new TopicPartitionOffset(P0, 10)));
        Assert.Equal([new TopicPartitionOffset(P0, 13)], offsets.TakeStorable());
        Assert.Equal(0, offsets.Count);
        Assert.Empty(offsets.TakeStorable());
    }

    [Fact]
    public void Partitions_release_independently_and_only_their_latest_prefix_is_stored()
    {
        var offsets = new InFlightOffsets();
        offsets.Started(new TopicPartitionOffset(P0, 0));
        offsets.Started(new TopicPartitionOffset(P0, 1));
        offsets.Started(new TopicPartitionOffset(P1, 5));
        offsets.Started(new TopicPartitionOffset(P0, 2));

        Assert.Equal(new TopicPartitionOffset(P1, 6), offsets.Completed(new TopicPartitionOffset(P1, 5)));
        Assert.Equal(new TopicPartitionOffset(P0, 1), offsets.Completed(new TopicPartitionOffset(P0, 0)));
        Assert.Equal(new TopicPartitionOffset(P0, 2), offsets.Completed(new TopicPartitionOffset(P0, 1)));

        var stored = offsets.TakeStorable().OrderBy(o => o.Partition.Value).ToList();
        Assert.Equal([new TopicPartitionOffset(P0, 2), new TopicPartitionOffset(P1, 6)], stored);
        Assert.Equal(1, offsets.CountOn([P0]));
        Assert.Equal(0, offsets.CountOn([P1]));
    }

    [Fact]
    public void A_record_that_never_finishes_holds_its_partition_below_it()
    {
        var offsets = new InFlightOffsets();
        offsets.Started(new TopicPartitionOffset(P0, 7)); // e.g. given up at the shutdown timeout
        offsets.Started(new TopicPartitionOffset(P0, 8));

        Assert.Null(offsets.Completed(new TopicPartitionOffset(P0, 8)));
        Assert.Empty(offsets.TakeStorable());
    }

    [Fact]
    public void Completions_on_a_forgotten_partition_are_ignored_and_a_new_assignment_starts_afresh()
    {
        var offsets = new InFlightOffsets();
        offsets.Started(new TopicPartitionOffset(P0, 3));
        offsets.Forget([P0]);

        Assert.Null(offsets.Completed(new TopicPartitionOffset(P0, 3)));
        Assert.Empty(offsets.TakeStorable());

        offsets.Started(new TopicPartitionOffset(P0, 20));
        Assert.Equal(new TopicPartitionOffset(P0, 21), offsets.Completed(new TopicPartitionOffset(P0, 20)));
    }

    [Fact]
    public void A_withdrawn_record_neither_counts_as_running_nor_lets_the_offset_pass_it()
    {
        var offsets = new InFlightOffsets();
        offsets.Started(new TopicPartitionOffset(P0, 4));
        offsets.Started(new TopicPartitionOffset(P0, 5)); // the stop came while it waited for a lane

        offsets.Withdraw(new TopicPartitionOffset(P0, 5));

        Assert.Equal(1, offsets.CountOn([P0]));
        Assert.Equal(new TopicPartitionOffset(P0, 5), offsets.Completed(new TopicPartitionOffset(P0, 4)));
        Assert.Equal(0, offsets.Count);
    }
}
