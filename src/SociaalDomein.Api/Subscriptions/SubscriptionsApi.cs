using System.Net;
using System.Net.Mail;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SociaalDomein.Api.Requests;
using SociaalDomein.Api.Responses;
using SociaalDomein.Api.Security;
using SociaalDomein.Delivery.Log;
using SociaalDomein.Delivery.Subscriptions;
using SociaalDomein.Monitoring.Rules.Lifecycle;

namespace SociaalDomein.Api.Subscriptions;

/// <summary>
/// /api/subscriptions: who hears about which alerts, by webhook or e-mail. Admins manage them; a contract manager reads
/// the subscriptions that name their API key as owner, and what was delivered to them.
/// </summary>
public static partial class SubscriptionsApi
{
    public const int MaxNameLength = 200;
    public const int MinSecretLength = 24;
    public const int MaxSecretLength = 200;

    public static RouteGroupBuilder MapSubscriptionsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/subscriptions").WithTags("Subscriptions");
        group.MapGet("/", ListAsync).AllowRoles(ApiRoles.Admin, ApiRoles.ContractManager)
            .WithName("ListSubscriptions").WithSummary("Alert subscriptions by id; a contract manager sees their own");
        group.MapPost("/", CreateAsync).AllowRoles(ApiRoles.Admin).Accepts<SubscriptionRequest>("application/json")
            .WithName("CreateSubscription").WithSummary("Subscribe someone to alerts by webhook and/or e-mail; 409 if the id is taken");
        group.MapGet("/{id}", GetAsync).AllowRoles(ApiRoles.Admin, ApiRoles.ContractManager)
            .WithName("GetSubscription").WithSummary("One subscription (never its webhook secret)");
        group.MapPut("/{id}", ReplaceAsync).AllowRoles(ApiRoles.Admin).Accepts<SubscriptionRequest>("application/json")
            .WithName("ReplaceSubscription").WithSummary("Change a subscription (all settings; leave out the secret to keep it); active=false stops delivery");
        group.MapGet("/{id}/deliveries", DeliveriesAsync).AllowRoles(ApiRoles.Admin, ApiRoles.ContractManager)
            .WithName("ListSubscriptionDeliveries").WithSummary("What was delivered to a subscription: attempts, status and last error, latest first");
        return group;
    }

    public static async Task<Results<Ok<Page<SubscriptionView>>, ProblemHttpResult>> ListAsync(
        string? owner, string? limit, string? offset, HttpContext http, SubscriptionStore store, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var page = PageRequest.Parse(errors, limit, offset);
        if (errors.Any) return errors.ToProblem();
        if (http.User.IsInRole(ApiRoles.ContractManager))
        {
            if (owner is not null && owner != http.User.KeyId()) return NotYours(http.User, $"the subscriptions of '{owner}'");
            owner = http.User.KeyId();
        }
        var paged = await store.GetPageAsync(string.IsNullOrWhiteSpace(owner) ? null : owner.Trim(), page.Limit, page.Offset, cancellationToken);
        return TypedResults.Ok(Page.From(paged, SubscriptionView.From, page, http.Request));
    }

    public static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, SubscriptionStore store, CancellationToken cancellationToken)
    {
        var subscription = await store.GetAsync(id, cancellationToken);
        if (subscription is null) return Problems.NotFound($"There is no subscription '{id}'.");
        if (!MayRead(http.User, subscription)) return NotYours(http.User, $"subscription '{id}'");
        return TypedResults.Ok(SubscriptionView.From(subscription));
    }

    public static async Task<Results<Ok<Page<DeliveryRecord>>, ProblemHttpResult>> DeliveriesAsync(
        string id, string? limit, string? offset, HttpContext http, SubscriptionStore store, DeliveryLog log, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var page = PageRequest.Parse(errors, limit, offset);
        if (errors.Any) return errors.ToProblem();
        var subscription = await store.GetAsync(id, cancellationToken);
        if (subscription is null) return Problems.NotFound($"There is no subscription '{id}'.");
        if (!MayRead(http.User, subscription)) return NotYours(http.User, $"the deliveries of subscription '{id}'");
        return TypedResults.Ok(Page.From(await log.GetPageAsync(id, page.Limit, page.Offset, cancellationToken), page, http.Request));
    }

    public static async Task<Results<Created<SubscriptionView>, ProblemHttpResult>> CreateAsync(
        HttpContext http, SubscriptionStore store, ApiKeyRegistry keys, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var request = await JsonBody.ReadAsync<SubscriptionRequest>(http.Request, errors, cancellationToken);
        if (errors.Any) return errors.ToProblem();
        var id = request?.Id?.Trim();
        if (string.IsNullOrEmpty(id)) errors.Add("id", "required", "'id' is required: lowercase letters, digits and '-', e.g. rob-nijmegen-jeugd.");
        else if (!IdPattern().IsMatch(id)) errors.Add("id", "subscription-id", "'id' must be 1 to 63 lowercase letters, digits and '-', starting with a letter or digit.");
        var subscription = Validate(errors, id ?? "", request, keys, secretRequired: true);
        if (errors.Any) return errors.ToProblem();

        if (!await store.CreateAsync(subscription!, http.User.KeyId(), clock.GetUtcNow(), cancellationToken))
            return Problems.Conflict($"Subscription '{id}' exists already; change it with PUT /api/subscriptions/{id}.");
        return TypedResults.Created($"{http.Request.PathBase}/api/subscriptions/{id}", SubscriptionView.From(subscription!));
    }

    public static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> ReplaceAsync(
        string id, HttpContext http, SubscriptionStore store, ApiKeyRegistry keys, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var request = await JsonBody.ReadAsync<SubscriptionRequest>(http.Request, errors, cancellationToken);
        if (errors.Any) return errors.ToProblem();
        if (request?.Id is { } bodyId && bodyId.Trim() != id)
            errors.Add("id", "id-mismatch", $"'id' in the body ({bodyId}) differs from the one in the path ({id}); ids cannot be changed.");
        var subscription = Validate(errors, id, request, keys, secretRequired: false);
        if (errors.Any) return errors.ToProblem();

        var existing = await store.GetAsync(id, cancellationToken);
        if (existing is null) return Problems.NotFound($"There is no subscription '{id}'; create it with POST /api/subscriptions.");
        if (subscription!.WebhookUrl is not null && subscription.WebhookSecret is null && existing.WebhookSecret is null)
        {
            errors.Add("webhookSecret", "required", $"'webhookSecret' is required when a webhook is added ({MinSecretLength} to {MaxSecretLength} characters).");
            return errors.ToProblem();
        }
        await store.ReplaceAsync(subscription, http.User.KeyId(), clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(SubscriptionView.From(await store.GetAsync(id, cancellationToken) ?? subscription));
    }

    /// <summary>Checks every field of a request and builds the subscription; null when something is wrong (each problem is in <paramref name="errors"/>).</summary>
    private static Subscription? Validate(RequestErrors errors, string id, SubscriptionRequest? request, ApiKeyRegistry keys, bool secretRequired)
    {
        if (request is null)
        {
            errors.Add("body", "required", "A JSON body with the subscription is required.");
            return null;
        }
        var name = errors.Text("name", request.Name, MaxNameLength, required: true);
        var municipalities = Codes(errors, "municipalities", request.Municipalities, (f, v) => errors.Municipality(f, v, required: true));
        var providers = Codes(errors, "providers", request.Providers, (f, v) => errors.Provider(f, v, required: true));
        var kinds = new List<string>();
        foreach (var (kind, index) in (request.Kinds ?? []).Select((k, i) => (k, i)))
        {
            if (Enum.TryParse<AlertKind>(kind?.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(kind, out _))
                kinds.Add(parsed.ToString());
            else
                errors.Add($"kinds[{index}]", "alert-kind", $"'kinds[{index}]' must be one of {string.Join(", ", Enum.GetNames<AlertKind>())}.");
        }
        var minSeverity = request.MinSeverity?.Trim().ToLowerInvariant() ?? Severities.Info;
        if (!Severities.All.Contains(minSeverity))
            errors.Add("minSeverity", "severity", $"'minSeverity' must be one of {string.Join(", ", Severities.All)}.");

        var owner = request.Owner?.Trim();
        if (!string.IsNullOrEmpty(owner))
        {
            var key = keys.Keys.FirstOrDefault(k => k.Id == owner);
            if (key is null || key.Role != ApiRoles.ContractManager)
            {
                errors.Add("owner", "owner-key", $"'owner' must be the id of a contract manager's API key (Api:Keys:{{id}}); '{owner}' is not.");
            }
            else if (municipalities.Count == 0)
            {
                errors.Add("municipalities", "owner-scope", $"'municipalities' is required with an owner: name those of {string.Join(", ", key.Municipalities)} that '{owner}' wants.");
            }
            else
            {
                foreach (var outside in municipalities.Where(m => !key.Municipalities.Contains(m)))
                    errors.Add("municipalities", "owner-scope", $"Municipality {outside} is outside what '{owner}' may see ({string.Join(", ", key.Municipalities)}).");
            }
        }
        else
        {
            owner = null;
        }

        var webhookUrl = request.WebhookUrl?.Trim();
        if (string.IsNullOrEmpty(webhookUrl)) webhookUrl = null;
        else if (!IsWebhookUrl(webhookUrl))
            errors.Add("webhookUrl", "webhook-url", "'webhookUrl' must be an absolute https URL (http only to 127.0.0.1 or localhost).");
        var secret = request.WebhookSecret;
        if (string.IsNullOrEmpty(secret)) secret = null;
        if (secret is not null && secret.Length is < MinSecretLength or > MaxSecretLength)
            errors.Add("webhookSecret", "secret-length", $"'webhookSecret' must be {MinSecretLength} to {MaxSecretLength} characters.");
        if (webhookUrl is not null && secret is null && secretRequired)
            errors.Add("webhookSecret", "required", $"'webhookSecret' is required with a webhook ({MinSecretLength} to {MaxSecretLength} characters): the receiver checks signatures with it.");
        if (webhookUrl is null && secret is not null)
            errors.Add("webhookSecret", "without-webhook", "'webhookSecret' is given without a 'webhookUrl'.");
        var email = request.Email?.Trim();
        if (string.IsNullOrEmpty(email)) email = null;
        else if (email.Length > 254 || !MailAddress.TryCreate(email, out var address) || address.Address != email)
            errors.Add("email", "email-address", "'email' must be a plain e-mail address such as inkoop@nijmegen.nl.");
        if (webhookUrl is null && email is null)
            errors.Add("webhookUrl", "channel-required", "Give a 'webhookUrl', an 'email', or both: a subscription needs a way to deliver.");

        if (errors.Any) return null;
        return new Subscription(id, name!, owner, municipalities, providers, kinds.Distinct().ToList(), minSeverity, webhookUrl, secret, email,
            request.Active ?? true);
    }

    private static List<string> Codes(RequestErrors errors, string field, string[]? values, Func<string, string?, string?> parse)
    {
        var codes = new List<string>();
        foreach (var (value, index) in (values ?? []).Select((v, i) => (v, i)))
        {
            if (parse($"{field}[{index}]", value) is { } code && !codes.Contains(code)) codes.Add(code);
        }
        codes.Sort(StringComparer.Ordinal);
        return codes;
    }

    private static bool IsWebhookUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && string.IsNullOrEmpty(uri.UserInfo)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip))));

    private static bool MayRead(ClaimsPrincipal user, Subscription subscription) =>
        !user.IsInRole(ApiRoles.ContractManager) || subscription.OwnerKeyId == user.KeyId();

    private static ProblemHttpResult NotYours(ClaimsPrincipal user, string what) =>
        TypedResults.Problem($"API key '{user.KeyId()}' may not read {what}: a contract manager reads the subscriptions that name their key as owner.",
            statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex IdPattern();
}
