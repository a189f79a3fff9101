using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SociaalDomein.Api.Requests;

/// <summary>
/// Reads a JSON request body so that a malformed one is a problem naming the field, like any other bad value; the
/// framework's own binder would answer 400 with an empty body.
/// </summary>
public static class JsonBody
{
    public static async Task<T?> ReadAsync<T>(HttpRequest request, RequestErrors errors, CancellationToken cancellationToken) where T : class
    {
        if (request.ContentLength == 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any()))
            return null;
        if (!request.HasJsonContentType())
        {
            errors.Add("body", "content-type", "The body must be JSON (Content-Type: application/json).");
            return null;
        }
        try
        {
            var options = request.HttpContext.RequestServices.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions
                          ?? JsonSerializerOptions.Web;
            return await JsonSerializer.DeserializeAsync<T>(request.Body, options, cancellationToken);
        }
        catch (JsonException exception)
        {
            var field = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? "body" : exception.Path.TrimStart('$', '.');
            errors.Add(field, "json", $"The body is not valid JSON for this request at '{exception.Path ?? "$"}' (line {exception.LineNumber + 1}).");
            return null;
        }
    }
}
