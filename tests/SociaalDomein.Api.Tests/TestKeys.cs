namespace SociaalDomein.Api.Tests;

/// <summary>The API keys the test host is configured with: one per role, and a contract manager for another region.</summary>
public static class TestKeys
{
    public const string Backoffice = "backoffice-key-7c1f0e2a9b3d4f56";
    public const string DataTeam = "datateam-key-5e8a1b2c3d4e5f60";
    public const string Admin = "admin-key-0a9b8c7d6e5f4a3b2c1d";
    /// <summary>Contract manager for Nijmegen (0268) and Berg en Dal (1945).</summary>
    public const string ContractManager = "contractmanager-key-1a2b3c4d5e6f";
    /// <summary>Contract manager for Arnhem (0202) only.</summary>
    public const string OtherContractManager = "contractmanager-key-arnhem-9f8e7d";

    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Api:Keys:backoffice-1:Key"] = Backoffice,
        ["Api:Keys:backoffice-1:Role"] = "backoffice",
        ["Api:Keys:datateam-1:Key"] = DataTeam,
        ["Api:Keys:datateam-1:Role"] = "datateam",
        ["Api:Keys:admin-1:Key"] = Admin,
        ["Api:Keys:admin-1:Role"] = "admin",
        ["Api:Keys:rob-nijmegen:Key"] = ContractManager,
        ["Api:Keys:rob-nijmegen:Role"] = "contractmanager",
        ["Api:Keys:rob-nijmegen:Municipalities"] = "0268,1945",
        ["Api:Keys:rob-arnhem:Key"] = OtherContractManager,
        ["Api:Keys:rob-arnhem:Role"] = "contractmanager",
        ["Api:Keys:rob-arnhem:Municipalities:0"] = "0202",
    };

    /// <summary>The key of each role, by role name.</summary>
    public static IReadOnlyDictionary<string, string> ByRole { get; } = new Dictionary<string, string>
    {
        ["backoffice"] = Backoffice,
        ["contractmanager"] = ContractManager,
        ["datateam"] = DataTeam,
        ["admin"] = Admin,
    };
}
