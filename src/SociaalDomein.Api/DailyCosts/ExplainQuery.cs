using SociaalDomein.Api.Requests;
using SociaalDomein.Storage.Queries;

namespace SociaalDomein.Api.DailyCosts;

/// <summary>Query string of /api/daily-costs/explain: which total to take apart; every value is optional.</summary>
/// <param name="From">First received day (Europe/Amsterdam), yyyy-MM-dd, inclusive.</param>
/// <param name="To">Last received day, yyyy-MM-dd, inclusive.</param>
/// <param name="Municipality">4-digit CBS gemeentecode.</param>
/// <param name="Provider">8-digit AGB code.</param>
/// <param name="Category">2-digit product category.</param>
/// <param name="Standard">ijw or iwmo.</param>
/// <param name="Year">Budget year (the year a line's ProductPeriode starts).</param>
/// <param name="Limit">Lines per page: 1–1000, default 100.</param>
/// <param name="Offset">Lines to skip, default 0.</param>
public sealed record ExplainQuery(
    string? From, string? To, string? Municipality, string? Provider, string? Category, string? Standard, string? Year,
    string? Limit, string? Offset)
{
    public ExplainFilter ToFilter(RequestErrors errors, IReadOnlyCollection<string>? municipalities)
    {
        var from = errors.Date("from", From);
        var to = errors.Date("to", To);
        errors.Period("from", from, "to", to);
        return new ExplainFilter(from, to, municipalities, errors.Provider("provider", Provider), errors.Year("year", Year),
            errors.Category("category", Category), errors.Standard("standard", Standard));
    }
}
