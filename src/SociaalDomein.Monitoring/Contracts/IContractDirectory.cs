namespace SociaalDomein.Monitoring.Contracts;

/// <summary>Every contract the system knows of: one with a ceiling, an allocation, a declaration or an awaited answer.</summary>
public interface IContractDirectory
{
    Task<IReadOnlyList<ContractKey>> GetAllAsync(CancellationToken cancellationToken = default);
}
