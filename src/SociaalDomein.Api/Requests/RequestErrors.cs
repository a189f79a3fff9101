using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SociaalDomein.Api.Requests;

/// <summary>
/// Parses request values and collects every violation, so one 400 answer names all of them. Values arrive as strings
/// and are parsed here rather than by the framework's binder, which would answer a bad date without naming the rule.
/// </summary>
public sealed partial class RequestErrors
{
    private readonly List<Violation> _violations = [];

    public bool Any => _violations.Count > 0;

    public IReadOnlyList<Violation> Violations => _violations;

    public void Add(string field, string rule, string message) => _violations.Add(new Violation(field, rule, message));

    /// <summary>A 400 problem (RFC 7807) with <c>errors</c> per field and <c>violations</c> naming field and rule.</summary>
    public ProblemHttpResult ToProblem() => Problems.Validation(_violations);

    public DateOnly? Date(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        Add(field, "date-format", $"'{field}' must be a date as yyyy-MM-dd.");
        return null;
    }

    public void Period(string fromField, DateOnly? from, string toField, DateOnly? to)
    {
        if (from is { } f && to is { } t && f > t)
            Add(toField, "period-order", $"'{toField}' ({t:yyyy-MM-dd}) lies before '{fromField}' ({f:yyyy-MM-dd}).");
    }

    public string? Municipality(string field, string? value, bool required = false) =>
        Code(field, value, required, MunicipalityPattern(), "municipality-code", "a 4-digit CBS gemeentecode such as 0268");

    public string? Provider(string field, string? value, bool required = false) =>
        Code(field, value, required, ProviderPattern(), "agb-code", "an 8-digit AGB code");

    /// <summary>A region's own id as <c>regional_ceilings</c> allows it: a letter, then up to 31 letters, digits, '-' or '_'.</summary>
    public string? Region(string field, string? value, bool required = false) =>
        Code(field, value, required, RegionPattern(), "region-code", "a region id: a letter, then up to 31 letters, digits, '-' or '_' (e.g. RegioNijmegen)");

    public string? Category(string field, string? value, bool required = false) =>
        Code(field, value, required, CategoryPattern(), "product-category", "a 2-digit product category such as 45");

    public string? Standard(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var standard = value.Trim().ToLowerInvariant();
        if (standard is "ijw" or "iwmo") return standard;
        Add(field, "standard", $"'{field}' must be ijw or iwmo.");
        return null;
    }

    public int? Year(string field, string? value, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, "required", $"'{field}' is required.");
            return null;
        }
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return Year(field, year);
        Add(field, "year-range", $"'{field}' must be a year between {MinYear} and {MaxYear}.");
        return null;
    }

    public int? Year(string field, int? year, bool required = false)
    {
        if (year is null)
        {
            if (required) Add(field, "required", $"'{field}' is required.");
            return null;
        }
        if (year is >= MinYear and <= MaxYear) return year;
        Add(field, "year-range", $"'{field}' must be a year between {MinYear} and {MaxYear}.");
        return null;
    }

    public T? OneOf<T>(string field, string? value, IReadOnlyDictionary<string, T> allowed) where T : struct
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (allowed.TryGetValue(value.Trim().ToLowerInvariant(), out var parsed)) return parsed;
        Add(field, "allowed-values", $"'{field}' must be one of {string.Join(", ", allowed.Keys)}.");
        return null;
    }

    public string? Text(string field, string? value, int maxLength, bool required)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required) Add(field, "required", $"'{field}' is required.");
            return null;
        }
        if (text.Length <= maxLength) return text;
        Add(field, "max-length", $"'{field}' may be at most {maxLength} characters.");
        return null;
    }

    private string? Code(string field, string? value, bool required, Regex pattern, string rule, string description)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, "required", $"'{field}' is required: {description}.");
            return null;
        }
        var code = value.Trim();
        if (pattern.IsMatch(code)) return code;
        Add(field, rule, $"'{field}' must be {description}.");
        return null;
    }

    private const int MinYear = 2000;
    private const int MaxYear = 2100;

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex MunicipalityPattern();

    [GeneratedRegex("^[0-9]{8}$")]
    private static partial Regex ProviderPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,31}$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^[0-9]{2}$")]
    private static partial Regex CategoryPattern();
}
