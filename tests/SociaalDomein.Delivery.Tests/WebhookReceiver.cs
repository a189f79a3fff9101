using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SociaalDomein.Delivery.Webhooks;

namespace SociaalDomein.Delivery.Tests;

/// <summary>
/// A subscriber's webhook endpoint: Kestrel on 127.0.0.1, one path per subscriber (<c>/hooks/{name}</c>). It checks the
/// signature as a real receiver would (401 when it does not verify), and can be told to answer a status for its first
/// N calls, or for every call.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _secrets = new();
    private readonly ConcurrentDictionary<string, (int Status, int Times)> _failures = new();
    private readonly ConcurrentQueue<ReceivedCall> _calls = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks/{name}", receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    public string UrlFor(string name) => _app.Urls.Single() + "/hooks/" + name;

    /// <summary>The calls in arrival order, valid or not.</summary>
    public IReadOnlyList<ReceivedCall> Calls => _calls.ToList();

    public IReadOnlyList<ReceivedCall> CallsTo(string name) => _calls.Where(c => c.Name == name).ToList();

    /// <summary>Sets the secret <paramref name="name"/>'s signatures are checked with.</summary>
    public void Expect(string name, string secret) => _secrets[name] = secret;

    /// <summary>Answers <paramref name="status"/> to the next <paramref name="times"/> calls to <paramref name="name"/> (int.MaxValue: always).</summary>
    public void Fail(string name, int status, int times = int.MaxValue) => _failures[name] = (status, times);

    private async Task<IResult> HandleAsync(string name, HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var timestamp = request.Headers[WebhookSignature.TimestampHeader].ToString();
        var signature = request.Headers[WebhookSignature.SignatureHeader].ToString();
        var verified = _secrets.TryGetValue(name, out var secret)
                       && WebhookSignature.Verify(secret, timestamp, signature, body, DateTimeOffset.UtcNow, WebhookSignature.RecommendedTolerance);

        var status = verified ? StatusCodes.Status204NoContent : StatusCodes.Status401Unauthorized;
        if (verified && _failures.TryGetValue(name, out var failure) && failure.Times > 0)
        {
            status = failure.Status;
            _failures[name] = (failure.Status, failure.Times == int.MaxValue ? int.MaxValue : failure.Times - 1);
        }
        _calls.Enqueue(new ReceivedCall(name, body, timestamp, signature, request.Headers[WebhookSender.DeliveryHeader].ToString(), verified, status));
        return Results.StatusCode(status);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <param name="Status">What the receiver answered.</param>
public sealed record ReceivedCall(string Name, byte[] Body, string Timestamp, string Signature, string Delivery, bool Verified, int Status)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}
