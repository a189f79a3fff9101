using System.Globalization;
using SociaalDomein.Messages.Model;
using SociaalDomein.Simulation.Calendar;
using SociaalDomein.Simulation.Products;
using SociaalDomein.Simulation.Providers;
using SociaalDomein.Simulation.Region;
using SociaalDomein.Simulation.Scenarios;

namespace SociaalDomein.Simulation.Planning;

/// <summary>
/// Turns options into a plan, top-down: regional spend → providers (Pareto) → contracts (cost-split key) → per product
/// a number of steady care "slots", each a chain of allocations to successive clients → ceilings.
/// </summary>
internal static class ScenarioPlanner
{
    // Zipf–Mandelbrot weights 1/(rank + 2)^1.3: with 300 providers the largest takes ≈ 12 % and the top 20 ≈ 63 %.
    private const double ParetoOffset = 2;
    private const double ParetoExponent = 1.3;

    /// <summary>Providers in this top share of ranks contract with every municipality; smaller ones with some.</summary>
    private const double LargeProviderRankShare = 0.3;

    /// <summary>Monthly growth of ambulant youth care (category 45) in the largest municipality, the region's main cost worry.</summary>
    private const double GrowthPerMonth = 0.03;

    private const double DaysPerMonth = 365.25 / 12;
    private const double ShareOfDagbehandelingWithVervoer = 0.8;

    /// <summary>Days between one client's allocation ending and the next client's starting in the same slot: 0 to this.</summary>
    private const int MaxGapDays = 45;

    public static ScenarioPlan Plan(ScenarioOptions options)
    {
        options.Validate();
        var random = new Random(options.Seed);
        var providers = CreateProviders(options, random);
        var contracts = CreateContracts(options, providers, random);

        var state = new PlanningState(options, random);
        // A contract too small to carry a single client is dropped, except a provider's main contract: every
        // provider has care somewhere, and no contract has a ceiling without ever a declaration.
        contracts = contracts.Where(contract => PlanCare(state, contract)).ToList();
        for (var i = 0; i < contracts.Count; i++) contracts[i].Index = i;
        var episodes = NumberAllocations(contracts, options.FirstToewijzingNummer);

        var months = Enumerable.Range(0, options.Months).Select(i => options.PeriodStart.AddMonths(i)).ToList();
        var plan = new ScenarioPlan(options, providers, contracts, episodes, months);
        plan.Ceilings = CeilingPlanner.Set(plan, random);
        return plan;
    }

    private static List<PlannedProvider> CreateProviders(ScenarioOptions options, Random random)
    {
        var region = options.Region;
        var annualCents = (long)Math.Round(
            region.AnnualCareInKindCents * (decimal)region.JeugdShareBasisPoints / 10_000m * options.SpendScale);
        var n = options.ProviderCount;
        var weights = Enumerable.Range(1, n)
            .Select(rank => Math.Pow(rank + ParetoOffset, -ParetoExponent) * (0.85 + 0.3 * random.NextDouble()))
            .ToArray();
        var weightSum = weights.Sum();
        var largeRanks = LargeRankCount(n);

        var agbs = new HashSet<string>();
        var names = new HashSet<string>();
        var providers = new List<PlannedProvider>(n);
        for (var i = 0; i < n; i++)
        {
            var rank = i + 1;
            var profile = i < ProviderMix.Head.Count ? ProviderMix.Head[i] : Draw(ProviderMix.SmallProviderOdds, random);

            var mix = ProviderMix.For(profile)
                .Select(p => (p.Product, Weight: p.Weight * (0.6 + 0.8 * random.NextDouble())))
                .OrderByDescending(p => p.Weight)
                .ToList();
            // Small providers specialise in one or two products of their kind.
            if (rank > largeRanks) mix = mix.Take(random.Next(1, 3)).ToList();
            var mixSum = mix.Sum(p => p.Weight);
            var shares = mix.Select(p => new ProductShare(p.Product, p.Weight / mixSum)).ToList();

            string agb;
            do agb = string.Create(CultureInfo.InvariantCulture, $"99{random.Next(0, 1_000_000):D6}");
            while (!agbs.Add(agb));
            var name = ProviderNames.Create(random, profile, names);

            var tariffs = new Dictionary<string, long>();
            foreach (var product in shares.Select(s => s.Product).Append(JeugdProductCatalogue.Vervoer))
            {
                if (product.Pattern == DeliveryPattern.Budget) continue;
                tariffs[product.Code] = product.Tariff.Min + random.NextInt64(product.Tariff.Max - product.Tariff.Min + 1);
            }
            var habitWorkingDay = random.Next(1, 9);

            var plannedAnnual = (long)Math.Round(annualCents * weights[i] / weightSum);
            var provider = new SimulatedProvider(agb, name, rank, profile, plannedAnnual, shares);
            providers.Add(new PlannedProvider(i, provider, tariffs, habitWorkingDay));
        }
        return providers;
    }

    private static List<PlannedContract> CreateContracts(ScenarioOptions options, List<PlannedProvider> providers, Random random)
    {
        var municipalities = options.Region.Municipalities;
        var largest = municipalities.MaxBy(m => m.CostShareBasisPoints)!;
        var largeRanks = LargeRankCount(providers.Count);
        var contracts = new List<PlannedContract>();
        foreach (var provider in providers)
        {
            var large = provider.Provider.Rank <= largeRanks;
            var joined = municipalities
                .Where(m =>
                {
                    var odds = m == largest ? 1.0
                        : large ? (m.JoinsEveryContract ? 1.0 : 0.6)
                        : (m.JoinsEveryContract ? 0.5 : 0.3);
                    return random.NextDouble() < odds;
                })
                .ToList();
            double shareSum = joined.Sum(m => m.CostShareBasisPoints);
            foreach (var municipality in joined)
            {
                var planned = (long)Math.Round(provider.Provider.PlannedAnnualCents * municipality.CostShareBasisPoints / shareSum
                    * (0.85 + 0.3 * random.NextDouble()));
                contracts.Add(new PlannedContract(contracts.Count, municipality, provider, planned, isMainContract: municipality == largest));
            }
        }
        return contracts;
    }

    /// <summary>Plans the care under a contract; false when the contract is dropped for having none.</summary>
    private static bool PlanCare(PlanningState state, PlannedContract contract)
    {
        var random = state.Random;
        var monthlyCents = contract.PlannedAnnualCents / 12.0;
        var growing = contract.Municipality == state.LargestMunicipality;
        var products = contract.Provider.Provider.Products;
        var slots = 0;
        foreach (var share in products)
        {
            var exact = monthlyCents * share.Share / ExpectedMonthlyCents(share.Product, contract.Provider) / Occupancy(share.Product);
            var steady = StochasticRound(exact, random);
            var growth = growing && share.Product.Categorie == "45"
                ? StochasticRound(exact * GrowthPerMonth * state.Options.Months, random)
                : 0;
            for (var s = 0; s < steady; s++) PlanSlot(state, contract, share.Product, inCareAtStart: true);
            for (var g = 0; g < growth; g++) PlanSlot(state, contract, share.Product, inCareAtStart: false);
            slots += steady + growth;
        }
        if (slots > 0) return true;
        if (!contract.IsMainContract) return false;
        var cheapest = products.MinBy(p => ExpectedMonthlyCents(p.Product, contract.Provider))!.Product;
        PlanSlot(state, contract, cheapest, inCareAtStart: true);
        return true;
    }

    /// <summary>
    /// One place in care, filled by successive clients: the first is already in care at the start of the period (or,
    /// for growth, starts within it); each next one starts a few weeks after the previous allocation ends.
    /// </summary>
    private static void PlanSlot(PlanningState state, PlannedContract contract, JeugdProduct product, bool inCareAtStart)
    {
        var random = state.Random;
        var periodStart = state.Options.PeriodStart;
        var periodEnd = state.Options.PeriodEnd;
        var durationDays = DrawDurationDays(product, random);
        var start = inCareAtStart
            ? periodStart.AddDays(-random.Next(0, durationDays))
            : periodStart.AddDays(random.Next(0, periodEnd.DayNumber - periodStart.DayNumber + 1));
        while (start <= periodEnd)
        {
            DateOnly? end = random.NextDouble() < product.OpenEndedShare ? null : start.AddDays(durationDays - 1);
            AddEpisode(state, contract, product, start, end);
            if (end is not { } last) break;
            start = last.AddDays(1 + random.Next(0, MaxGapDays + 1));
            durationDays = DrawDurationDays(product, random);
        }
    }

    private static void AddEpisode(PlanningState state, PlannedContract contract, JeugdProduct product, DateOnly ingangsdatum, DateOnly? einddatum)
    {
        var random = state.Random;
        var client = state.Clients.Pick(contract, ingangsdatum, random);
        // Crisis care is allocated the day it starts; other care a few working days ahead.
        var toewijzingsdatum = product == JeugdProductCatalogue.Crisisopvang
            ? ingangsdatum
            : DutchWorkingDays.OnOrBefore(ingangsdatum.AddDays(-random.Next(0, 15)));
        var toewijzingstijd = new TimeOnly(8, 0).Add(TimeSpan.FromSeconds(random.Next(0, 9 * 3600)));
        var episode = new PlannedEpisode(state.NextEpisodeId++, contract, client, toewijzingsdatum, toewijzingstijd);

        episode.Allocations.Add(CreateAllocation(state, episode, product, ingangsdatum, einddatum));
        if (product == JeugdProductCatalogue.Dagbehandeling && random.NextDouble() < ShareOfDagbehandelingWithVervoer)
            episode.Allocations.Add(CreateAllocation(state, episode, JeugdProductCatalogue.Vervoer, ingangsdatum, einddatum));

        contract.Episodes.Add(episode);
        contract.Allocations.AddRange(episode.Allocations);
    }

    private static PlannedAllocation CreateAllocation(
        PlanningState state, PlannedEpisode episode, JeugdProduct product, DateOnly ingangsdatum, DateOnly? einddatum)
    {
        var random = state.Random;
        if (product.Pattern == DeliveryPattern.Budget)
        {
            var budget = (product.Tariff.Min + random.NextInt64(product.Tariff.Max - product.Tariff.Min + 1)) / 50_00 * 50_00;
            return new PlannedAllocation(state.NextAllocationId++, episode, product, tariffCents: null, ingangsdatum, einddatum,
                omvang: null, budget);
        }
        long volume = random.Next(product.Volume.Min, product.Volume.Max + 1);
        if (product.Eenheid == "01") volume = Math.Max(15, volume / 15 * 15); // minutes in quarters of an hour
        return new PlannedAllocation(state.NextAllocationId++, episode, product, episode.Contract.Provider.TariffFor(product),
            ingangsdatum, einddatum, new Omvang(volume, product.Eenheid, product.Frequentie), budgetCents: null);
    }

    /// <summary>Numbers allocations per municipality in the order they were granted, and returns the 301s in publish order.</summary>
    private static List<PlannedEpisode> NumberAllocations(List<PlannedContract> contracts, long firstNumber)
    {
        var episodes = contracts.SelectMany(c => c.Episodes)
            .OrderBy(e => e.Toewijzingsdatum)
            .ThenBy(e => e.Toewijzingstijd)
            .ThenBy(e => e.Contract.Municipality.CbsCode, StringComparer.Ordinal)
            .ThenBy(e => e.Id)
            .ToList();
        // Each municipality numbers its own allocations, so the same ToewijzingNummer occurs in several municipalities.
        var next = new Dictionary<string, long>();
        foreach (var episode in episodes)
        {
            var municipality = episode.Contract.Municipality.CbsCode;
            foreach (var allocation in episode.Allocations)
            {
                var number = next.GetValueOrDefault(municipality, firstNumber);
                allocation.ToewijzingNummer = number;
                next[municipality] = number + 1;
            }
        }
        return episodes;
    }

    /// <summary>What one allocation of the product costs per month on average; sizes the number of slots.</summary>
    private static double ExpectedMonthlyCents(JeugdProduct product, PlannedProvider provider)
    {
        var cost = product.Pattern switch
        {
            DeliveryPattern.PerWeek => product.Volume.Mid * DaysPerMonth / 7 * provider.TariffFor(product) * 0.85,
            DeliveryPattern.PerDay => DaysPerMonth * 0.97 * product.Volume.Mid * provider.TariffFor(product),
            DeliveryPattern.PerMonth => product.Volume.Mid * provider.TariffFor(product),
            DeliveryPattern.WholeAllocation => product.Volume.Mid * provider.TariffFor(product) / product.DurationMonths.Mid,
            DeliveryPattern.Budget => product.Tariff.Mid * 0.875 / product.DurationMonths.Mid,
            _ => throw new InvalidOperationException($"Unknown delivery pattern {product.Pattern}."),
        };
        if (product == JeugdProductCatalogue.Dagbehandeling)
            cost += ShareOfDagbehandelingWithVervoer * ExpectedMonthlyCents(JeugdProductCatalogue.Vervoer, provider);
        return cost;
    }

    private static int DrawDurationDays(JeugdProduct product, Random random) =>
        random.Next(product.DurationMonths.Min * 28, product.DurationMonths.Max * 31 + 1);

    /// <summary>The share of time a slot is filled, given the gaps between successive clients.</summary>
    private static double Occupancy(JeugdProduct product)
    {
        var meanDuration = (product.DurationMonths.Min * 28 + product.DurationMonths.Max * 31) / 2.0;
        return meanDuration / (meanDuration + MaxGapDays / 2.0);
    }

    private static int StochasticRound(double value, Random random)
    {
        var whole = Math.Floor(value);
        return (int)whole + (random.NextDouble() < value - whole ? 1 : 0);
    }

    private static int LargeRankCount(int providerCount) => Math.Max(1, (int)Math.Ceiling(providerCount * LargeProviderRankShare));

    private static T Draw<T>(IReadOnlyList<(T Item, double Weight)> odds, Random random)
    {
        var roll = random.NextDouble() * odds.Sum(o => o.Weight);
        foreach (var (item, weight) in odds)
        {
            if ((roll -= weight) < 0) return item;
        }
        return odds[^1].Item;
    }

    /// <summary>The shared state while planning care: one random sequence, the client registry and id counters.</summary>
    private sealed class PlanningState(ScenarioOptions options, Random random)
    {
        public ScenarioOptions Options { get; } = options;
        public Random Random { get; } = random;
        public ClientRegistry Clients { get; } = new();
        public Municipality LargestMunicipality { get; } = options.Region.Municipalities.MaxBy(m => m.CostShareBasisPoints)!;
        public int NextEpisodeId { get; set; }
        public int NextAllocationId { get; set; }
    }
}
