using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SociaalDomein.Api.Requests;
using SociaalDomein.Api.Responses;
using SociaalDomein.Api.Security;
using SociaalDomein.Storage.Queries;

namespace SociaalDomein.Api.Alerts;

/// <summary>/api/alerts: ceiling alerts, open or resolved, and their acknowledgement by a contract manager.</summary>
public static class AlertsApi
{
    public const int MaxNoteLength = 2000;

    private static readonly IReadOnlyDictionary<string, bool> Statuses = new Dictionary<string, bool> { ["open"] = false, ["resolved"] = true };
    private static readonly IReadOnlyDictionary<string, int> Severities = new Dictionary<string, int> { ["info"] = 0, ["warning"] = 1, ["critical"] = 2 };

    public static RouteGroupBuilder MapAlertsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/alerts").WithTags("Alerts");
        group.MapGet("/", ListAsync).AllowRoles(ApiRoles.DataTeam, ApiRoles.ContractManager)
            .WithName("ListAlerts").WithSummary("Alerts, newest first, filtered by status (open/resolved), municipality, provider, year, severity");
        group.MapGet("/{id}", GetAsync).AllowRoles(ApiRoles.DataTeam, ApiRoles.ContractManager)
            .WithName("GetAlert").WithSummary("One alert with its acknowledgement");
        group.MapPost("/{id}/acknowledgement", AcknowledgeAsync).AllowRoles(ApiRoles.ContractManager).Accepts<AcknowledgeRequest>("application/json")
            .WithName("AcknowledgeAlert").WithSummary("Acknowledge an alert with a note; it is then resolved. The first acknowledgement stands.");
        return group;
    }

    public static async Task<Results<Ok<Page<AlertView>>, ProblemHttpResult>> ListAsync(
        [AsParameters] AlertsQuery query, HttpContext http, AlertQueries queries, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (!MunicipalityScope.TryResolve(http.User, errors.Municipality("municipality", query.Municipality), out var municipalities, out var forbidden))
            return forbidden!;
        var filter = new AlertFilter(
            Resolved: errors.OneOf("status", query.Status, Statuses),
            Municipalities: municipalities,
            ProviderAgb: errors.Provider("provider", query.Provider),
            Year: errors.Year("year", query.Year),
            Severity: errors.OneOf("severity", query.Severity, Severities) is null ? null : query.Severity!.Trim().ToLowerInvariant());
        var page = PageRequest.Parse(errors, query.Limit, query.Offset);
        if (errors.Any) return errors.ToProblem();
        return TypedResults.Ok(Page.From(await queries.GetPageAsync(filter, page.Limit, page.Offset, cancellationToken), page, http.Request));
    }

    public static async Task<Results<Ok<AlertView>, ProblemHttpResult>> GetAsync(string id, HttpContext http, AlertQueries queries, CancellationToken cancellationToken)
    {
        var alert = await queries.GetAsync(id, cancellationToken);
        if (alert is null) return Problems.NotFound($"There is no alert '{id}'.");
        if (!http.User.MaySeeAny(alert.Municipalities)) return Problems.OutsideScope(http.User.KeyId(), alert.MunicipalityCode);
        return TypedResults.Ok(alert);
    }

    public static async Task<Results<Ok<AlertView>, ProblemHttpResult>> AcknowledgeAsync(
        string id, HttpContext http, AlertQueries queries, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var request = await JsonBody.ReadAsync<AcknowledgeRequest>(http.Request, errors, cancellationToken);
        if (errors.Any) return errors.ToProblem();
        var note = errors.Text("note", request?.Note, MaxNoteLength, required: true);
        if (errors.Any) return errors.ToProblem();

        var alert = await queries.GetAsync(id, cancellationToken);
        if (alert is null) return Problems.NotFound($"There is no alert '{id}'.");
        if (!http.User.MaySeeAny(alert.Municipalities)) return Problems.OutsideScope(http.User.KeyId(), alert.MunicipalityCode);

        var outcome = await queries.AcknowledgeAsync(id, http.User.KeyId(), note!, clock.GetUtcNow(), cancellationToken);
        var current = await queries.GetAsync(id, cancellationToken);
        return outcome switch
        {
            AcknowledgeOutcome.Acknowledged => TypedResults.Ok(current!),
            AcknowledgeOutcome.AlreadyAcknowledged => Problems.Conflict(
                $"Alert '{id}' was acknowledged already by '{current!.AcknowledgedBy}' at {current.AcknowledgedAt:O}."),
            _ => Problems.NotFound($"There is no alert '{id}'."),
        };
    }
}
