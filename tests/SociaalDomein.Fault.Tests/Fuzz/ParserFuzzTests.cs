using FsCheck;
using FsCheck.Fluent;
using SociaalDomein.Messages.Reading;
using Xunit.Abstractions;

namespace SociaalDomein.Fault.Tests.Fuzz;

/// <summary>
/// Mutations of valid messages (FsCheck): whatever arrives, the parser answers with a message or an
/// <see cref="InvalidMessageException"/> naming the problem; it never throws anything else, never hangs, and its work is
/// bounded by the input's size.
/// </summary>
[Trait("Category", "Fault")]
public sealed class ParserFuzzTests(ITestOutputHelper output)
{
    /// <summary>Generated inputs per run; the figure in docs/reliability.md.</summary>
    public const int Inputs = 4_000;

    /// <summary>Far beyond any real parse (milliseconds): only a parser stuck in a loop or an expansion gets here.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Allocation bound per input: the reader may copy the text a few times (strings, model), not expand it. A billion-laughs
    /// expansion or an unbounded buffer would allocate orders of magnitude more.
    /// </summary>
    private const long AllocationPerInputByte = 64;

    private const long AllocationAllowance = 32 * 1024 * 1024;

    public static Gen<Mutation> Mutations(bool withOversize) =>
        from seed in Gen.Choose(0, SeedCorpus.Messages.Count - 1)
        from kind in Gen.Elements(Enum.GetValues<MutationKind>().Where(k => withOversize || k != MutationKind.Oversize).ToArray())
        from a in Gen.Choose(0, int.MaxValue)
        from b in Gen.Choose(0, int.MaxValue)
        from c in Gen.Choose(0, int.MaxValue)
        select new Mutation(seed, kind, a, b, c);

    [Fact]
    public void A_mutated_message_is_either_read_or_refused_with_InvalidMessageException_never_a_crash_a_hang_or_unbounded_allocation()
    {
        var tried = 0;
        var refused = new Dictionary<MutationKind, int>();
        var read = 0;
        var rules = new SortedSet<string>(StringComparer.Ordinal);
        var largestRatio = 0.0;
        // Oversize inputs are 25 MB each: a few of those below, not thousands here.
        var property = Prop.ForAll(Mutations(withOversize: false).ToArbitrary(), mutation =>
        {
            var input = mutation.Apply(SeedCorpus.Messages[mutation.Seed]);
            var outcome = Parse(input);
            Interlocked.Increment(ref tried);
            lock (refused)
            {
                if (outcome.Refused is { } rule)
                {
                    refused[mutation.Kind] = refused.GetValueOrDefault(mutation.Kind) + 1;
                    rules.Add(rule);
                }
                else read++;
                largestRatio = Math.Max(largestRatio, (double)outcome.Allocated / Math.Max(1, input.Length));
            }
            return true;
        });

        property.Check(Config.QuickThrowOnFailure.WithMaxTest(Inputs).WithQuietOnSuccess(true));

        output.WriteLine($"{tried} mutated inputs from {SeedCorpus.Messages.Count} seeds ({string.Join(", ", SeedCorpus.Types)}): " +
                         $"{tried - read} refused, {read} still read");
        output.WriteLine("refused per mutation: " + string.Join(", ", refused.OrderBy(r => r.Key).Select(r => $"{r.Key} {r.Value}")));
        output.WriteLine($"rules named: {string.Join(", ", rules)}; most allocated per input byte: {largestRatio:0.0}");
        Assert.Equal(Inputs, tried);
        // The mutations that can only break a message did break every one of them.
        foreach (var kind in new[] { MutationKind.EntityExpansion, MutationKind.ExternalEntity, MutationKind.Latin1DeclaredAsUtf8, MutationKind.ControlBytes })
            Assert.True(refused.GetValueOrDefault(kind) > 0, $"no {kind} input was generated or refused");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_message_over_25_MB_is_refused_by_its_size_before_it_is_parsed(int seed)
    {
        var input = new Mutation(seed, MutationKind.Oversize, 0, seed * 1000, 0).Apply(SeedCorpus.Messages[seed]);
        Assert.True(input.Length > MessageReader.MaxMessageBytes);

        var outcome = Parse(input);

        Assert.Equal("SD-SIZE", outcome.Refused);
        Assert.True(outcome.Allocated < 4 * 1024 * 1024, $"{outcome.Allocated} bytes allocated to refuse by size");
    }

    [Fact]
    public void A_billion_laughs_document_is_refused_without_expanding_a_single_entity()
    {
        var input = new Mutation(0, MutationKind.EntityExpansion, 0, 7, 0).Apply(SeedCorpus.Messages[0]); // 10^10 × "lollollollol"

        var outcome = Parse(input);

        Assert.NotNull(outcome.Refused);
        Assert.True(outcome.Allocated < 8L * 1024 * 1024, $"{outcome.Allocated} bytes allocated");
    }

    /// <summary>
    /// Parses on a thread of its own, so that a hang is reported as one instead of stalling the run, and counts what that
    /// thread allocated.
    /// </summary>
    internal static (string? Refused, long Allocated) Parse(byte[] input)
    {
        var parse = Task.Factory.StartNew(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            // The worker guesses the message kind for its metrics before parsing: that must not fail on any input either.
            Ingestion.Worker.MessageKind.Sniff(input);
            string? rule = null;
            try
            {
                MessageReader.ReadAndValidate(input, "fuzz");
            }
            catch (InvalidMessageException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.First.Explanation), "a refusal must say why");
                rule = e.First.Rule;
            }
            return (rule, GC.GetAllocatedBytesForCurrentThread() - before);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (!parse.Wait(HangLimit)) throw new TimeoutException($"the parser did not finish a {input.Length}-byte input in {HangLimit.TotalSeconds} s");
        // Anything but InvalidMessageException surfaces here as the AggregateException's inner exception: a crash.
        var (refused, allocated) = parse.Result;
        Assert.True(allocated <= AllocationAllowance + AllocationPerInputByte * input.Length,
            $"{allocated} bytes allocated for a {input.Length}-byte input");
        return (refused, allocated);
    }
}
