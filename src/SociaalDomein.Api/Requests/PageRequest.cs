using System.Globalization;

namespace SociaalDomein.Api.Requests;

/// <summary>limit/offset of a list request, checked against the list's maximum page size.</summary>
public readonly record struct PageRequest(int Limit, long Offset)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static PageRequest Parse(RequestErrors errors, string? limit, string? offset, int maxLimit = MaxLimit)
    {
        var parsedLimit = DefaultLimit;
        if (!string.IsNullOrWhiteSpace(limit)
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out parsedLimit) || parsedLimit < 1 || parsedLimit > maxLimit))
        {
            errors.Add("limit", "limit-range", $"'limit' must be a whole number from 1 to {maxLimit}.");
            parsedLimit = DefaultLimit;
        }

        long parsedOffset = 0;
        if (!string.IsNullOrWhiteSpace(offset)
            && !long.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out parsedOffset))
        {
            errors.Add("offset", "offset-range", "'offset' must be a whole number of 0 or more.");
            parsedOffset = 0;
        }
        return new PageRequest(parsedLimit, parsedOffset);
    }
}
