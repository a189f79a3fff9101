using Microsoft.Extensions.Configuration;
using SociaalDomein.Api.Security;

namespace SociaalDomein.Api.Tests;

public sealed class ApiKeyRegistryTests
{
    private static ApiKeyRegistry Load(params (string Key, string Value)[] settings) =>
        ApiKeyRegistry.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build()
            .GetSection(ApiKeyRegistry.Section));

    [Fact]
    public void A_key_is_found_by_its_value_and_carries_its_role_and_municipalities()
    {
        var registry = ApiKeyRegistry.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(TestKeys.Settings).Build().GetSection(ApiKeyRegistry.Section));

        var manager = registry.Find(TestKeys.ContractManager);

        Assert.Equal(("rob-nijmegen", "contractmanager"), (manager?.Id, manager?.Role));
        Assert.Equal(["0268", "1945"], manager!.Municipalities);
        Assert.Equal(["0202"], registry.Find(TestKeys.OtherContractManager)!.Municipalities);
        Assert.Null(registry.Find(TestKeys.ContractManager + "x"));
        Assert.Null(registry.Find(""));
    }

    [Fact]
    public void A_bad_configuration_names_each_setting_and_rule_but_never_the_key()
    {
        const string Short = "short-secret";
        var error = Assert.Throws<InvalidOperationException>(() => Load(
            ("Api:Keys:a:Key", Short), ("Api:Keys:a:Role", "datateam"),
            ("Api:Keys:b:Key", "a-long-enough-key-for-role-check"), ("Api:Keys:b:Role", "superuser"),
            ("Api:Keys:c:Key", "a-long-enough-key-for-manager-01"), ("Api:Keys:c:Role", "contractmanager"),
            ("Api:Keys:d:Key", "a-long-enough-key-for-manager-02"), ("Api:Keys:d:Role", "contractmanager"), ("Api:Keys:d:Municipalities", "268"),
            ("Api:Keys:e:Key", "a-long-enough-key-for-manager-02"), ("Api:Keys:e:Role", "admin")));

        Assert.Contains("Api:Keys:a:Key is required and must be at least 24 characters.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Api:Keys:b:Role must be one of backoffice, contractmanager, datateam, admin.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Api:Keys:c:Municipalities is required for a contract manager", error.Message, StringComparison.Ordinal);
        Assert.Contains("Api:Keys:d:Municipalities must hold 4-digit CBS codes.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Api:Keys:e:Key is the same as another key's", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Short, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("a-long-enough-key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Municipalities_are_only_for_contract_managers()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Load(
            ("Api:Keys:x:Key", "a-long-enough-key-for-datateam-1"), ("Api:Keys:x:Role", "datateam"), ("Api:Keys:x:Municipalities", "0268")));

        Assert.Contains("Api:Keys:x:Municipalities applies to the contractmanager role only.", error.Message, StringComparison.Ordinal);
    }
}
