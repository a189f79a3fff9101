namespace SociaalDomein.Storage.Queries;

/// <summary>
/// Which total to explain: every null criterion matches everything, so a day's total is (From = To = day), a
/// municipality's (Municipalities), a contract-year's (Municipalities, ProviderAgb, Year), and any combination.
/// </summary>
/// <param name="From">First received day (Europe/Amsterdam), inclusive: the day the daily insight counts a line on.</param>
/// <param name="To">Last received day, inclusive.</param>
/// <param name="Year">Budget year: the year the line's ProductPeriode starts (as in contract totals).</param>
public sealed record ExplainFilter(
    DateOnly? From = null,
    DateOnly? To = null,
    IReadOnlyCollection<string>? Municipalities = null,
    string? ProviderAgb = null,
    int? Year = null,
    string? ProductCategorie = null,
    string? Standard = null);
