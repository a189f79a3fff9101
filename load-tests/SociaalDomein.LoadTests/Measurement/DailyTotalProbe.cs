namespace SociaalDomein.LoadTests.Measurement;

/// <summary>
/// A declaration whose lines are visible in daily_costs once the row of its (Dagtekening, municipality, provider) counts
/// <paramref name="ExpectedLines"/> lines: the lines of that contract and day produced up to and including it. A contract's
/// records stay in order on one partition, so reaching the count means this declaration is in.
/// </summary>
public sealed record DailyTotalProbe(DateOnly Day, string Municipality, string Provider, int ExpectedLines, DateTimeOffset ProducedAt);
