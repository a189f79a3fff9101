using SociaalDomein.Simulation.Identifiers;

namespace SociaalDomein.Simulation.Planning;

/// <summary>
/// Hands out clients for new allocations: mostly new ones, sometimes a client already in care in the same
/// municipality at another provider (a youngster often gets help from more than one provider).
/// </summary>
internal sealed class ClientRegistry
{
    private const double ShareOfExistingClients = 0.08;

    private readonly FakeBsnSequence _bsns = new();
    private readonly Dictionary<string, List<PlannedClient>> _byMunicipality = [];
    private readonly HashSet<(int ClientId, int ProviderIndex)> _inCareAt = [];
    private int _nextId;

    public PlannedClient Pick(PlannedContract contract, DateOnly ingangsdatum, Random random)
    {
        var municipality = contract.Municipality.CbsCode;
        if (!_byMunicipality.TryGetValue(municipality, out var pool)) _byMunicipality[municipality] = pool = [];

        if (pool.Count >= 10 && random.NextDouble() < ShareOfExistingClients)
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var candidate = pool[random.Next(pool.Count)];
                // One 301 is the full picture of a client's care at a provider: keep one episode per client and provider.
                if (_inCareAt.Add((candidate.Id, contract.Provider.Index))) return candidate;
            }
        }

        var client = new PlannedClient(
            _nextId++,
            _bsns.Next(),
            Geboortedatum: ingangsdatum.AddDays(-random.Next(180, 17 * 365)),
            municipality);
        pool.Add(client);
        _inCareAt.Add((client.Id, contract.Provider.Index));
        return client;
    }
}
