namespace SociaalDomein.Storage.Queries;

/// <summary>One figure in which a daily total differs from the ledger of accepted lines.</summary>
/// <param name="Check">Which comparison found it: <see cref="ReconcileChecks"/>.</param>
/// <param name="Subject">The total, readable: day, municipality × provider, category, standard and, where it applies,
/// service month and unit, e.g. "2026-07-01 0268×12345678 cat 45 ijw month 2026-06 unit 04".</param>
/// <param name="Measure">amount_cents, line_count, volume or client_count.</param>
/// <param name="Ledger">The figure summed from declaration_lines; null when the ledger has no such total.</param>
/// <param name="Daily">The figure in the daily table; null when the daily table has no such row.</param>
public sealed record ReconcileDifference(string Check, string Subject, string Measure, long? Ledger, long? Daily)
{
    /// <summary>Daily minus ledger, an absent figure counting as 0.</summary>
    public long Difference => (Daily ?? 0) - (Ledger ?? 0);
}
