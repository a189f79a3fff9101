namespace SociaalDomein.Api.Security;

/// <summary>The roles an API key can have (setting <c>Api:Keys:{id}:Role</c>).</summary>
public static class ApiRoles
{
    /// <summary>Runs the message intake: traffic health and dead letters.</summary>
    public const string Backoffice = "backoffice";

    /// <summary>Watches the contracts and alerts of the municipalities named on the key, and only those.</summary>
    public const string ContractManager = "contractmanager";

    /// <summary>Reads every aggregated figure (daily costs, contract totals, alerts, traffic), no single lines.</summary>
    public const string DataTeam = "datateam";

    /// <summary>Maintains the budget ceilings and reads their audit trail.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Backoffice, ContractManager, DataTeam, Admin];
}
