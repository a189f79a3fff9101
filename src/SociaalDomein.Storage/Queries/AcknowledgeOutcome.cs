namespace SociaalDomein.Storage.Queries;

/// <summary>What acknowledging an alert did.</summary>
public enum AcknowledgeOutcome
{
    Acknowledged,
    NotFound,
    /// <summary>It was acknowledged before; the first acknowledgement stands.</summary>
    AlreadyAcknowledged,
}
