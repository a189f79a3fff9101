using System.Text.Json;

namespace SociaalDomein.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class RegionAndProviderApiTests(ApiFixture api)
{
    [Fact]
    public async Task The_regional_overview_compares_each_municipalitys_spend_with_the_ceilings_of_its_contracts()
    {
        using var client = api.Client(TestKeys.DataTeam);

        var page = await client.OkJsonAsync("/api/municipalities?year=2026");
        var byCode = page.Items().ToDictionary(m => m.Str("municipalityCode"));

        // Nijmegen: 750 000 + 400 000 under ceilings of 1 000 000 + 2 000 000; 123 456 under a contract without one.
        Assert.Equal("declared=1273456 underCeiling=1150000 ceiling=3000000 use=38.3 green contracts=3 amber=1 red=0", Overview(byCode["0268"]));
        Assert.Equal("declared=550000 underCeiling=550000 ceiling=500000 use=110.0 red contracts=1 amber=0 red=1", Overview(byCode["1945"]));
        Assert.Equal(["0202", "0268", "0344", "1945"], byCode.Keys.Order(StringComparer.Ordinal).Where(k => k != "0200"));
    }

    [Fact]
    public async Task A_contract_manager_sees_the_overview_of_the_municipalities_on_the_key_only()
    {
        using var client = api.Client(TestKeys.ContractManager);

        var page = await client.OkJsonAsync("/api/municipalities?year=2026");

        Assert.Equal(["0268", "1945"], page.Items().Select(m => m.Str("municipalityCode")));
    }

    [Fact]
    public async Task A_providers_ceiling_use_is_its_running_total_per_day_against_the_sum_of_its_ceilings()
    {
        using var client = api.Client(TestKeys.DataTeam);

        var use = await client.OkJsonAsync("/api/providers/11111111/ceiling-use?year=2026");

        Assert.Equal(1_300_000, use.Long("declaredCents"));
        Assert.Equal(1_500_000, use.Long("ceilingCents"));
        Assert.Equal("86.7", ContractsApiTests.Percent(use));
        Assert.Equal("amber", use.Str("status"));
        Assert.Equal(
        [
            "2026-03-05 500000 500000",
            "2026-03-06 550000 1050000",
            "2026-04-03 250000 1300000",
        ], use.GetProperty("points").EnumerateArray().Select(p => $"{p.Str("date")} {p.Long("declaredCents")} {p.Long("cumulativeCents")}"));
        Assert.Equal(["0268", "1945"], use.GetProperty("contracts").EnumerateArray().Select(c => c.Str("municipalityCode")));

        // The provider's forecast is the sum of its contracts' own, against the sum of their ceilings, from 1 300 000 declared.
        var forecast = use.GetProperty("forecast");
        var projected = use.GetProperty("contracts").EnumerateArray().Sum(c => c.GetProperty("forecast").Long("projectedCents"));
        Assert.Equal((projected, 1_500_000L, 1_300_000L, projected > 1_500_000),
            (forecast.Long("projectedCents"), forecast.Long("ceilingCents"), forecast.Long("declaredCents"), forecast.GetProperty("aboveCeiling").GetBoolean()));
        Assert.True(projected >= 1_300_000, $"projected {projected}");
    }

    [Fact]
    public async Task A_contract_managers_provider_page_counts_only_the_municipalities_on_the_key()
    {
        using var nijmegen = api.Client(TestKeys.ContractManager);
        using var arnhem = api.Client(TestKeys.OtherContractManager);

        var fromNijmegen = await nijmegen.OkJsonAsync("/api/providers/11111111/ceiling-use?year=2026&municipality=1945");
        var fromArnhem = await arnhem.OkJsonAsync("/api/providers/11111111/ceiling-use?year=2026");

        Assert.Equal(550_000, fromNijmegen.Long("declaredCents"));
        Assert.Equal(0, fromArnhem.Long("declaredCents"));
        Assert.Empty(fromArnhem.GetProperty("points").EnumerateArray());
        Assert.Equal("none", fromArnhem.Str("status"));
    }

    private static string Overview(JsonElement m) =>
        $"declared={m.Long("declaredCents")} underCeiling={m.Long("declaredUnderCeilingCents")} ceiling={m.Long("ceilingCents")} " +
        $"use={ContractsApiTests.Percent(m)} {m.Str("status")} contracts={m.GetProperty("contracts").GetInt32()} " +
        $"amber={m.GetProperty("contractsAmber").GetInt32()} red={m.GetProperty("contractsRed").GetInt32()}";
}
