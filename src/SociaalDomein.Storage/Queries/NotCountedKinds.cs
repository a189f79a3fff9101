namespace SociaalDomein.Storage.Queries;

/// <summary>Kinds of <see cref="NotCounted"/>.</summary>
public static class NotCountedKinds
{
    public const string DuplicateReferentie = "duplicate-referentie";
    public const string DeadLettered = "dead-lettered";
}
