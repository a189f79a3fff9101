using SociaalDomein.Simulation.Identifiers;

namespace SociaalDomein.Simulation.Tests;

public sealed class FakeBsnSequenceTests
{
    [Fact]
    public void The_sequence_starts_with_the_known_test_numbers_and_skips_prefixes_without_a_check_digit()
    {
        var sequence = new FakeBsnSequence();

        var first = Enumerable.Range(0, 3).Select(_ => sequence.Next().RevealForPseudonymisation()).ToList();

        // 99990002 would need check digit 10, so it has no valid BSN.
        Assert.Equal(["999900006", "999900018", "999900031"], first);
    }

    [Fact]
    public void The_9999_block_holds_9091_numbers_and_then_the_9998_block_follows()
    {
        var sequence = new FakeBsnSequence();
        var block = new List<string>();
        string next;
        while ((next = sequence.Next().RevealForPseudonymisation()).StartsWith("9999", StringComparison.Ordinal)) block.Add(next);

        Assert.Equal(9091, block.Count);
        Assert.Equal(block.Count, block.Distinct().Count());
        Assert.StartsWith("9998", next, StringComparison.Ordinal);
    }
}
