using SociaalDomein.Simulation.Products;

namespace SociaalDomein.Simulation.Planning;

/// <summary>
/// Decides, deterministically per (allocation, month), what a provider delivers and declares: the plan uses it to
/// know the exact totals (and so set ceilings), the message stream to write the lines.
/// </summary>
internal static class DeliveryModel
{
    /// <param name="correctable">Whether a correction can follow: only when the next month is simulated too, since it travels in that month's declaration.</param>
    public static bool TryDeliver(PlannedAllocation allocation, DateOnly monthStart, int seed, double correctionShare, bool correctable, out Delivery delivery)
    {
        delivery = default;
        var monthEnd = monthStart.AddMonths(1).AddDays(-1);
        var begin = allocation.Ingangsdatum > monthStart ? allocation.Ingangsdatum : monthStart;
        var end = allocation.Einddatum is { } einde && einde < monthEnd ? einde : monthEnd;
        if (begin > end) return false;

        var dice = new StableDice(seed, DiceStream.Delivery, allocation.Id, MonthIndex(monthStart));
        var days = end.DayNumber - begin.DayNumber + 1;
        long volume;
        switch (allocation.Product.Pattern)
        {
            case DeliveryPattern.PerWeek:
            {
                var weekly = allocation.Omvang!.Volume;
                var utilisation = 0.7 + 0.3 * dice.NextDouble();
                volume = (long)Math.Round(weekly * days / 7.0 * utilisation, MidpointRounding.AwayFromZero);
                // Within the allocation: at most the weekly volume for every week the period touches (TR321).
                volume = Math.Min(volume, WeeksTouched(begin, end) * weekly);
                break;
            }
            case DeliveryPattern.PerDay:
            {
                var absentDays = dice.NextDouble() < 0.2 ? dice.Next(1, 3) : 0;
                volume = Math.Max(1, days - absentDays) * allocation.Omvang!.Volume;
                break;
            }
            case DeliveryPattern.PerMonth:
                volume = allocation.Omvang!.Volume;
                break;
            case DeliveryPattern.WholeAllocation:
                // Declared once, for the last (partial) month of the trajectory.
                if (allocation.Einddatum is not { } last || last < monthStart || last > monthEnd) return false;
                volume = allocation.Omvang!.Volume;
                break;
            case DeliveryPattern.Budget:
            {
                var allocationDays = allocation.Einddatum is { } e ? e.DayNumber - allocation.Ingangsdatum.DayNumber + 1 : 365;
                var utilisation = 0.75 + 0.25 * dice.NextDouble();
                // Rounded down, so the months together never exceed the budget.
                volume = (long)Math.Floor(allocation.BudgetCents!.Value * (double)days / allocationDays * utilisation);
                break;
            }
            default:
                throw new InvalidOperationException($"Unknown delivery pattern {allocation.Product.Pattern}.");
        }
        if (volume <= 0) return false;

        long? corrected = null;
        var roll = dice.NextDouble();
        if (correctable && volume >= 2 && roll < correctionShare)
        {
            var lowerBy = dice.Next(1, (int)Math.Min(volume / 5 + 2, int.MaxValue));
            corrected = Math.Max(1, volume - lowerBy);
        }
        delivery = new Delivery(begin, end, volume, corrected);
        return true;
    }

    public static int MonthIndex(DateOnly monthStart) => monthStart.Year * 12 + monthStart.Month - 1;

    /// <summary>Calendar weeks (Monday–Sunday) the period touches.</summary>
    public static int WeeksTouched(DateOnly begin, DateOnly end) =>
        (Monday(end).DayNumber - Monday(begin).DayNumber) / 7 + 1;

    private static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
