using SociaalDomein.Simulation.Scenarios;

namespace SociaalDomein.LoadTests.Scenarios;

/// <summary>The named scenarios of the harness (issue 7), each scaled by <c>--scale</c> to fit the time at hand.</summary>
public static class LoadScenarioCatalogue
{
    /// <summary>Regio Nijmegen for a year at the spend that gives ≈ 300 000 declaration lines.</summary>
    public static ScenarioOptions RegionYear { get; } = ScenarioOptions.FullRegion with { SpendScale = 2.6m };

    /// <summary>
    /// scale-out runs a tenth of the region-year spend by default: every process of the run shares the 2 cores, and the
    /// run must last minutes, not the hour the whole region's allocations take there.
    /// </summary>
    public const decimal ScaleOutShare = 0.1m;

    public static IReadOnlyList<string> Names { get; } = ["region-year", "month-start-peak", "national-year", "latency", "soak", "scale-out"];

    /// <param name="scale">Multiplies the generator's spend (and so the number of lines); 1 is the scenario as specified.</param>
    /// <param name="rate">Lines per second of a paced scenario; null for its default.</param>
    /// <param name="duration">Length of a paced scenario; null for its default.</param>
    public static LoadScenario Get(string name, decimal scale, double? rate, TimeSpan? duration) => name switch
    {
        "region-year" => new LoadScenario(name,
            "Regio Nijmegen, 300 providers, 12 months (≈ 300 000 lines), produced as fast as possible while the pipeline consumes.",
            RegionYear with { SpendScale = RegionYear.SpendScale * scale }, Pacing.Burst),
        "month-start-peak" => new LoadScenario(name,
            "Regio Nijmegen at region-year spend, one month of care: all 301s first (not measured), then the month's 323s in one burst.",
            RegionYear with { SpendScale = RegionYear.SpendScale * scale, Months = 1 }, Pacing.Burst, WarmUpAllocations: true),
        "national-year" => new LoadScenario(name,
            $"A fictitious country of {NationalProfile.MunicipalityCount} municipalities, 12 months; at --scale 1 3 000 providers and ≈ 15 M lines. " +
            "--scale f keeps every municipality and takes the fraction f of the providers and of the spend; extrapolate from it.",
            new ScenarioOptions
            {
                Region = NationalProfile.Create(), ProviderCount = Math.Max(5, (int)Math.Round(3_000 * scale)), Months = 12,
                SpendScale = RegionYear.SpendScale * scale,
            },
            Pacing.Burst),
        "latency" => new LoadScenario(name,
            "Region-year allocations first (not measured), then its declarations paced to a steady rate (default 5 000 lines/s) " +
            "for a fixed time (default 60 s): produce→alert percentiles at that rate.",
            RegionYear with { SpendScale = RegionYear.SpendScale * scale },
            new Pacing(rate ?? 5_000, duration ?? TimeSpan.FromSeconds(60)), WarmUpAllocations: true),
        "soak" => new LoadScenario(name,
            "Region-year messages with their lifecycle traffic (requests, start/stop, declaration answers) paced to a steady rate " +
            "(default 1 000 lines/s) for 30 minutes, successive years so nothing repeats: memory flatness.",
            RegionYear with { SpendScale = RegionYear.SpendScale * scale, Lifecycle = LifecycleTraffic.Default },
            new Pacing(rate ?? 1_000, duration ?? TimeSpan.FromMinutes(30)), Years: 20),
        "scale-out" => new LoadScenario(name,
            "Regio Nijmegen at a tenth of region-year spend (--scale multiplies that), six months of care: all 301s first (not measured), " +
            "then the 323s as fast as the pipeline takes them, consumed by 2 worker processes calling 2 silo processes; " +
            "one silo and one worker are SIGKILLed mid-run.",
            RegionYear with { SpendScale = RegionYear.SpendScale * ScaleOutShare * scale, Months = 6 }, Pacing.Burst, WarmUpAllocations: true),
        _ => throw new ArgumentException($"Unknown scenario '{name}'; use one of: {string.Join(", ", Names)}, all."),
    };
}
