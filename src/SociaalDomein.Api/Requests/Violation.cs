namespace SociaalDomein.Api.Requests;

/// <summary>One thing wrong with a request: the field, the rule it breaks (a stable code), and what to do instead.</summary>
public sealed record Violation(string Field, string Rule, string Message);
