using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Storage.Ceilings;
using static SociaalDomein.Storage.Tests.Lines;

namespace SociaalDomein.Storage.Tests;

public sealed class CeilingStoreTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    private PostgresCeilingStore Store => new(DataSource);

    [Fact]
    public async Task An_amended_ceiling_replaces_the_one_for_the_same_contract_year_and_category()
    {
        await Store.UpsertAsync(new BudgetCeiling(Utrecht, 2026, null, 1_000_000_00));
        await Store.UpsertAsync(new BudgetCeiling(Utrecht, 2026, "45", 400_000_00));
        await Store.UpsertAsync(new BudgetCeiling(Amersfoort, 2026, null, 250_000_00));

        await Store.UpsertAsync(new BudgetCeiling(Utrecht, 2026, null, 1_200_000_00));

        Assert.Equal(
            [new BudgetCeiling(Utrecht, 2026, null, 1_200_000_00), new BudgetCeiling(Utrecht, 2026, "45", 400_000_00)],
            await Store.GetForContractAsync(Utrecht));
        Assert.Equal(
            [
                new BudgetCeiling(Amersfoort, 2026, null, 250_000_00),
                new BudgetCeiling(Utrecht, 2026, null, 1_200_000_00),
                new BudgetCeiling(Utrecht, 2026, "45", 400_000_00),
            ],
            await Store.GetAllAsync());
    }

    [Fact]
    public async Task A_ceiling_for_all_categories_is_stored_as_the_empty_category()
    {
        await Store.UpsertAsync(new BudgetCeiling(Utrecht, 2026, null, 500_000_00));

        Assert.Equal("", await ScalarAsync<string>("SELECT product_categorie FROM ceilings"));
    }
}
