using SociaalDomein.LoadTests.Results;

namespace SociaalDomein.LoadTests.Runs;

/// <summary>Placeholder until the scale-out mode lands.</summary>
public sealed class ScaleOutRun(HarnessOptions options)
{
    public Task<ScenarioResult> RunAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException($"scale-out is not implemented yet ({options.Scenario}).");
}
