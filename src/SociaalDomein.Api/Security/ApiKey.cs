namespace SociaalDomein.Api.Security;

/// <summary>One configured API key, kept only as its SHA-256 so the key itself never sits in a dump or a log.</summary>
/// <param name="Id">The configuration name (<c>Api:Keys:{id}</c>): what audit records and logs name the caller by.</param>
/// <param name="Municipalities">For a contract manager: the CBS codes the key may see; empty for other roles.</param>
public sealed record ApiKey(string Id, byte[] KeyHash, string Role, IReadOnlyList<string> Municipalities);
