using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using SociaalDomein.Api.Requests;
using SociaalDomein.Storage.Queries;

namespace SociaalDomein.Api.Responses;

/// <summary>One page of a list: the items, the length of the whole list, and the link to the next page (null on the last).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long Total, int Limit, long Offset, string? Next);

public static class Page
{
    public static Page<T> From<T>(Paged<T> paged, PageRequest request, HttpRequest http) =>
        From(paged.Items, paged.Total, request, http);

    public static Page<TOut> From<TIn, TOut>(Paged<TIn> paged, Func<TIn, TOut> map, PageRequest request, HttpRequest http) =>
        From(paged.Items.Select(map).ToList(), paged.Total, request, http);

    /// <summary>Pages a list that is already complete in memory (a few hundred rows at most).</summary>
    public static Page<T> FromAll<T>(IReadOnlyList<T> all, PageRequest request, HttpRequest http) =>
        From(all.Skip((int)Math.Min(request.Offset, int.MaxValue)).Take(request.Limit).ToList(), all.Count, request, http);

    public static Page<T> From<T>(IReadOnlyList<T> items, long total, PageRequest request, HttpRequest http) =>
        new(items, total, request.Limit, request.Offset, NextLink(http, request, total));

    /// <summary>The same request with the offset of the next page, or null when this page reaches the end.</summary>
    public static string? NextLink(HttpRequest http, PageRequest request, long total)
    {
        var next = request.Offset + request.Limit;
        if (next >= total) return null;
        var query = new QueryBuilder(http.Query
            .Where(p => p.Key is not ("limit" or "offset"))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? ""))))
        {
            { "limit", request.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            { "offset", next.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        return $"{http.PathBase}{http.Path}{query}";
    }
}
