using System.Globalization;

namespace SociaalDomein.Simulation.Providers;

/// <summary>Makes up provider names from invented compounds, so that no name points at a real organisation.</summary>
internal static class ProviderNames
{
    private static readonly string[] First =
    [
        "Kwartel", "Vlonder", "Zandloop", "Kiezel", "Lisdodde", "Roerdomp", "Kievit", "Gagel", "Fuut", "Klaproos",
        "Ooibos", "Stuwwal", "Dotter", "Wulp", "Hazel", "Rietgors", "Waterhoen", "Wilgentak", "Zwaluw", "Beverdam",
    ];

    private static readonly string[] Second = ["hof", "kamp", "stede", "poort", "hoek", "veld", "weide", "rand", "brug", "lint"];

    public static string Create(Random random, ProviderProfile profile, ISet<string> taken)
    {
        var kind = profile switch
        {
            ProviderProfile.BreedAanbod => "Jeugdhulp",
            ProviderProfile.Ggz => "Jeugd-GGZ",
            ProviderProfile.Pleegzorg => "Pleegzorg",
            ProviderProfile.GecertificeerdeInstelling => "Jeugdbescherming",
            ProviderProfile.SpecialistischVerblijf => "Behandelcentrum",
            ProviderProfile.Dagbehandeling => "Dagbehandeling",
            ProviderProfile.Ambulant => "Ambulant",
            _ => "Jeugdzorg",
        };
        for (var attempt = 0; ; attempt++)
        {
            var name = $"{First[random.Next(First.Length)]}{Second[random.Next(Second.Length)]} {kind}";
            if (attempt > 20) name += string.Create(CultureInfo.InvariantCulture, $" {attempt}");
            if (taken.Add(name)) return name;
        }
    }
}
