using SociaalDomein.Api.Requests;
using SociaalDomein.Storage.Queries;

namespace SociaalDomein.Api.DailyCosts;

/// <summary>Query string of the daily cost lists; every value is optional.</summary>
/// <param name="From">First day, yyyy-MM-dd, inclusive: the Dagtekening for /api/daily-costs, the received Dutch day for /insight.</param>
/// <param name="To">Last day, yyyy-MM-dd, inclusive.</param>
/// <param name="Municipality">4-digit CBS gemeentecode.</param>
/// <param name="Provider">8-digit AGB code.</param>
/// <param name="Category">2-digit product category.</param>
/// <param name="Standard">ijw or iwmo.</param>
/// <param name="Format">json (default) or csv; an Accept: text/csv header asks for CSV too.</param>
/// <param name="Limit">Page size: 1–1000 for JSON (default 100), 1–100000 for CSV (default 100000).</param>
/// <param name="Offset">Rows to skip (default 0).</param>
public sealed record DailyCostsQuery(
    string? From, string? To, string? Municipality, string? Provider, string? Category, string? Standard,
    string? Format, string? Limit, string? Offset)
{
    public DailyCostFilter ToFilter(RequestErrors errors, IReadOnlyCollection<string>? municipalities)
    {
        var from = errors.Date("from", From);
        var to = errors.Date("to", To);
        errors.Period("from", from, "to", to);
        return new DailyCostFilter(from, to, municipalities, errors.Provider("provider", Provider), errors.Category("category", Category),
            errors.Standard("standard", Standard));
    }
}
