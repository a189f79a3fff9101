using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Allocations;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Monitoring.Traffic;
using static SociaalDomein.Monitoring.Tests.Lines;

namespace SociaalDomein.Monitoring.Tests.Rules;

/// <summary>Which allocations a contract grain may forget: only those whose last year, in every respect, is settled.</summary>
public sealed class ForgetSettledTests
{
    private const int FirstOpenYear = 2027;

    private static AllocationVersion Allocation(long nummer, DateOnly from, DateOnly? until, bool deleted = false) =>
        new(Standard.IJw, "0268", "12345678", nummer, new string('a', 64), "45", "45A03", from, new TimeOnly(9, 0), from, until,
            deleted, 4, "04", "2", null, "ijw:301:0268:T1");

    private static CareReport Stop(long nummer, DateOnly last) =>
        new(Standard.IJw, "0268", "12345678", nummer, CareReportKind.Stop, new DateOnly(2025, 1, 1), last, "01", true, false, last, "ijw:307:1");

    private static ContractAllocations Holding(IEnumerable<AllocationVersion> versions, IEnumerable<CareReport>? reports = null)
    {
        var allocations = new ContractAllocations();
        allocations.Load(versions, reports ?? [], new Dictionary<(Standard, long), Monitoring.Rules.AllocationChecks.AllocationUsage>());
        return allocations;
    }

    private static (Standard, long) Key(long nummer) => (Standard.IJw, nummer);

    [Fact]
    public void An_allocation_that_ended_in_a_settled_year_is_forgotten_one_ending_in_an_open_year_or_without_end_is_kept()
    {
        var allocations = Holding([
            Allocation(1, new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31)),
            Allocation(2, new DateOnly(2025, 1, 1), new DateOnly(2027, 1, 31)),
            Allocation(3, new DateOnly(2020, 1, 1), null),
        ]);

        Assert.Equal(1, allocations.ForgetSettled(FirstOpenYear));

        Assert.False(allocations.Holds(Key(1)));
        Assert.True(allocations.Holds(Key(2)));
        Assert.True(allocations.Holds(Key(3)));
        Assert.Equal(FirstOpenYear, allocations.HeldFromYear);
    }

    [Fact]
    public void A_definitive_stop_in_a_settled_year_ends_an_allocation_without_end()
    {
        var allocations = Holding([Allocation(3, new DateOnly(2025, 1, 1), null)], [Stop(3, new DateOnly(2026, 8, 31))]);

        Assert.Equal(1, allocations.ForgetSettled(FirstOpenYear));
        Assert.Null(allocations.Snapshot(Key(3)));
    }

    [Fact]
    public void A_line_declared_in_an_open_year_keeps_a_settled_allocation_and_so_does_a_line_without_any_allocation()
    {
        var allocations = Holding([Allocation(1, new DateOnly(2025, 1, 1), new DateOnly(2026, 6, 30))]);
        allocations.CheckAndRecord(Line("R1", 10_000, year: 2027) with { ToewijzingNummer = 1 });
        allocations.CheckAndRecord(Line("R2", 10_000, year: 2027) with { ToewijzingNummer = 9 });
        allocations.CheckAndRecord(Line("R3", 10_000, year: 2026) with { ToewijzingNummer = 8 });

        Assert.Equal(1, allocations.ForgetSettled(FirstOpenYear));

        Assert.True(allocations.Holds(Key(1)));
        Assert.True(allocations.Holds(Key(9)));
        Assert.False(allocations.Holds(Key(8)));
        Assert.False(allocations.HasDeclaredLines(Key(8)));
    }

    [Fact]
    public void Nothing_settled_leaves_the_grain_as_if_it_never_forgot_and_a_load_undoes_the_forgetting()
    {
        var allocations = Holding([Allocation(2, new DateOnly(2025, 1, 1), new DateOnly(2027, 1, 31))]);
        Assert.Equal(0, allocations.ForgetSettled(FirstOpenYear));
        Assert.False(allocations.HasForgotten);

        allocations.Load([Allocation(1, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31))], [],
            new Dictionary<(Standard, long), Monitoring.Rules.AllocationChecks.AllocationUsage>());
        Assert.Equal(1, allocations.ForgetSettled(FirstOpenYear));
        Assert.True(allocations.HasForgotten);
        allocations.Load([Allocation(1, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31))], [],
            new Dictionary<(Standard, long), Monitoring.Rules.AllocationChecks.AllocationUsage>());

        Assert.False(allocations.HasForgotten);
        Assert.True(allocations.Holds(Key(1)));
        Assert.False(allocations.Holds(Key(2)));
    }
}
