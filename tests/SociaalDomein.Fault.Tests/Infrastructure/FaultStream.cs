using SociaalDomein.Messages.Writing;
using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Simulation.Scenarios;

namespace SociaalDomein.Fault.Tests.Infrastructure;

/// <summary>
/// The input every crash test disturbs: a small generated region (allocations, declarations with credits, ceilings that
/// are crossed on the way, the generator's own broken messages) written to files once.
/// </summary>
public sealed class FaultStream : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("sd-fault-stream-");

    public FaultStream()
    {
        Scenario = ScenarioGenerator.Generate(ScenarioOptions.Demo with { ProviderCount = 4, Months = 1 });
        Files = Scenario.Messages.Select(m =>
        {
            var path = Path.Combine(_directory.FullName, m.Name);
            File.WriteAllBytes(path, MessageWriter.Write(m.Message));
            return path;
        }).ToList();
        Ceilings = Scenario.Ceilings
            .Select(c => new BudgetCeiling(new ContractKey(c.MunicipalityCode, c.ProviderAgb), c.Year, c.ProductCategorie, c.CeilingCents))
            .ToList();
    }

    public Scenario Scenario { get; }

    public IReadOnlyList<string> Files { get; }

    public IReadOnlyList<BudgetCeiling> Ceilings { get; }

    public void Dispose() => _directory.Delete(recursive: true);
}
