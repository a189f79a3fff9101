namespace SociaalDomein.Api.Alerts;

/// <summary>What a contract manager did about an alert.</summary>
/// <param name="Note">Required, at most 2000 characters: e.g. "Spoken to the provider; extra budget agreed on 12 May."</param>
public sealed record AcknowledgeRequest(string? Note);
