using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SociaalDomein.Api.Requests;
using SociaalDomein.Api.Responses;
using SociaalDomein.Api.Security;
using SociaalDomein.Storage.Queries;

namespace SociaalDomein.Api.Traffic;

/// <summary>/api/traffic: message-traffic health, accepted and dead-lettered records, per rule and per provider.</summary>
public static class TrafficApi
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static RouteGroupBuilder MapTrafficApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/traffic").WithTags("Message traffic");
        group.MapGet("/summary", SummaryAsync).AllowRoles(ApiRoles.Backoffice, ApiRoles.DataTeam)
            .WithName("GetTrafficSummary").WithSummary("Accepted messages and records, dead-lettered records, lines, over a period");
        group.MapGet("/dead-letter-rules", RulesAsync).AllowRoles(ApiRoles.Backoffice, ApiRoles.DataTeam)
            .WithName("ListDeadLetterRules").WithSummary("Dead-lettered records per validation rule, most frequent first");
        group.MapGet("/providers", ProvidersAsync).AllowRoles(ApiRoles.Backoffice, ApiRoles.DataTeam)
            .WithName("ListProviderTraffic").WithSummary("Accepted messages, records and lines per provider");
        group.MapGet("/signals", SignalsAsync).AllowRoles(ApiRoles.Backoffice, ApiRoles.DataTeam)
            .WithName("ListSignalsPerProvider").WithSummary("Line signals (no allocation, outside its period, reused ReferentieNummer, ...) per provider and rule, open and resolved");
        group.MapGet("/dead-letters", DeadLettersAsync).AllowRoles(ApiRoles.Backoffice)
            .WithName("ListDeadLetters").WithSummary("Dead-lettered records with their position on the input topic, reason, rule and element");
        return group;
    }

    public static async Task<Results<Ok<TrafficSummary>, ProblemHttpResult>> SummaryAsync(
        [AsParameters] TrafficQuery query, TrafficQueries queries, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var (from, to) = Period(errors, query);
        if (errors.Any) return errors.ToProblem();
        return TypedResults.Ok(await queries.GetSummaryAsync(from, to, cancellationToken));
    }

    public static async Task<Results<Ok<Page<DeadLetterRuleCount>>, ProblemHttpResult>> RulesAsync(
        [AsParameters] TrafficQuery query, HttpContext http, TrafficQueries queries, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var (from, to) = Period(errors, query);
        var page = PageRequest.Parse(errors, query.Limit, query.Offset);
        if (errors.Any) return errors.ToProblem();
        return TypedResults.Ok(Page.From(await queries.GetDeadLettersByRulePageAsync(from, to, page.Limit, page.Offset, cancellationToken), page, http.Request));
    }

    public static async Task<Results<Ok<Page<ProviderTraffic>>, ProblemHttpResult>> ProvidersAsync(
        [AsParameters] TrafficQuery query, HttpContext http, TrafficQueries queries, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var (from, to) = Period(errors, query);
        var page = PageRequest.Parse(errors, query.Limit, query.Offset);
        if (errors.Any) return errors.ToProblem();
        return TypedResults.Ok(Page.From(await queries.GetProvidersPageAsync(from, to, page.Limit, page.Offset, cancellationToken), page, http.Request));
    }

    public static async Task<Results<Ok<Page<ProviderSignals>>, ProblemHttpResult>> SignalsAsync(
        [AsParameters] TrafficQuery query, HttpContext http, TrafficQueries queries, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var (from, to) = Period(errors, query);
        var page = PageRequest.Parse(errors, query.Limit, query.Offset);
        if (errors.Any) return errors.ToProblem();
        return TypedResults.Ok(Page.From(await queries.GetSignalsPerProviderPageAsync(from, to, page.Limit, page.Offset, cancellationToken), page, http.Request));
    }

    /// <param name="rule">Only records refused by this rule code.</param>
    public static async Task<Results<Ok<Page<DeadLetter>>, ProblemHttpResult>> DeadLettersAsync(
        [AsParameters] TrafficQuery query, string? rule, HttpContext http, TrafficQueries queries, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var (from, to) = Period(errors, query);
        var page = PageRequest.Parse(errors, query.Limit, query.Offset);
        var ruleCode = errors.Text("rule", rule, 100, required: false);
        if (errors.Any) return errors.ToProblem();
        return TypedResults.Ok(Page.From(await queries.GetDeadLettersPageAsync(from, to, ruleCode, page.Limit, page.Offset, cancellationToken), page, http.Request));
    }

    /// <summary>Dutch calendar days to a half-open UTC interval: from 00:00 on the first day to 00:00 after the last.</summary>
    private static (DateTimeOffset? From, DateTimeOffset? To) Period(RequestErrors errors, TrafficQuery query)
    {
        var from = errors.Date("from", query.From);
        var to = errors.Date("to", query.To);
        errors.Period("from", from, "to", to);
        return (from is { } f ? StartOf(f) : null, to is { } t ? StartOf(t.AddDays(1)) : null);
    }

    private static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Amsterdam.GetUtcOffset(local));
    }
}
