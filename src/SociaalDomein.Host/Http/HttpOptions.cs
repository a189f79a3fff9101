namespace SociaalDomein.Host.Http;

/// <summary>The HTTP listener for health, metrics and the API (section "Http").</summary>
public sealed class HttpOptions
{
    public const string Section = "Http";

    /// <summary>The default of <c>sdstream serve</c>: loopback only. A container listens on http://0.0.0.0:8080.</summary>
    public const string DefaultUrls = "http://127.0.0.1:8080";

    /// <summary>Semicolon-separated http:// URLs to listen on; port 0 picks a free port (embedded runs).</summary>
    public string Urls { get; set; } = DefaultUrls;

    public IReadOnlyList<string> EffectiveUrls => Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
