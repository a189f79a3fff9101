namespace SociaalDomein.Storage.Queries;

/// <summary>One page of a longer list, with the length of the whole list so a caller can show "41–60 of 1 234".</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, long Total);
