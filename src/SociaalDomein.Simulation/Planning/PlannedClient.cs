using SociaalDomein.Messages.Model;

namespace SociaalDomein.Simulation.Planning;

/// <summary>A fictitious young client, living in one municipality.</summary>
internal sealed record PlannedClient(int Id, Bsn Bsn, DateOnly Geboortedatum, string MunicipalityCode);
