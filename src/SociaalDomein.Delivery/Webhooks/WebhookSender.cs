using System.Net;
using System.Net.Http.Headers;
using System.Globalization;
using Microsoft.Extensions.Options;
using SociaalDomein.Delivery.Log;
using SociaalDomein.Delivery.Subscriptions;
using SociaalDomein.Delivery.Worker;

namespace SociaalDomein.Delivery.Webhooks;

/// <summary>Makes one signed webhook call and says whether it worked, may work later, or never will.</summary>
public sealed class WebhookSender : IDisposable
{
    public const string DeliveryHeader = "X-SD-Delivery";
    public const string SubscriptionHeader = "X-SD-Subscription";

    private readonly HttpClient _http;
    private readonly TimeProvider _clock;

    public WebhookSender(IOptions<DeliveryOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock;
        // No redirects: a signed call goes to the address the admin registered, nowhere else.
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
        {
            Timeout = TimeSpan.FromMilliseconds(options.Value.WebhookTimeoutMs),
        };
    }

    public async Task<AttemptResult> SendAsync(Subscription subscription, DeliveryKey key, byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(key);
        if (subscription.WebhookUrl is null || subscription.WebhookSecret is null)
            return AttemptResult.Permanent("the subscription has no webhook");

        var timestamp = _clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.WebhookUrl)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
        };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(subscription.WebhookSecret, timestamp, body));
        request.Headers.Add(DeliveryHeader, key.ToString());
        request.Headers.Add(SubscriptionHeader, subscription.Id);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode) return AttemptResult.Delivered;
            var error = $"HTTP {status} {response.ReasonPhrase}".TrimEnd();
            return IsTransient(response.StatusCode) ? AttemptResult.Transient(error) : AttemptResult.Permanent(error);
        }
        catch (HttpRequestException e)
        {
            return AttemptResult.Transient($"no answer: {e.HttpRequestError}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return AttemptResult.Transient($"no answer within {_http.Timeout.TotalMilliseconds:0} ms");
        }
    }

    /// <summary>Worth another try: the receiver is overloaded, down or timed out. A redirect or other 4xx will not change by waiting.</summary>
    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    public void Dispose() => _http.Dispose();
}
