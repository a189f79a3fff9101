using SociaalDomein.Simulation.Products;
using static SociaalDomein.Simulation.Products.JeugdProductCatalogue;

namespace SociaalDomein.Simulation.Providers;

/// <summary>The typical spend mix per provider profile, before a provider's own variation.</summary>
internal static class ProviderMix
{
    public static IReadOnlyList<(JeugdProduct Product, double Weight)> For(ProviderProfile profile) => profile switch
    {
        ProviderProfile.BreedAanbod =>
        [
            (VerblijfMetBehandeling, 0.25), (AmbulanteBegeleiding, 0.25), (AmbulanteBehandeling, 0.15),
            (Dagbehandeling, 0.12), (Gezinshuis, 0.10), (Crisisopvang, 0.08), (Maatwerk, 0.05),
        ],
        ProviderProfile.Ggz =>
        [
            (AmbulanteBehandeling, 0.35), (JeugdGgz, 0.35), (VerblijfMetBehandeling, 0.20), (BasisGgzTraject, 0.10),
        ],
        ProviderProfile.Pleegzorg => [(Pleegzorg, 0.55), (Gezinshuis, 0.30), (AmbulanteBegeleiding, 0.15)],
        ProviderProfile.GecertificeerdeInstelling => [(Ondertoezichtstelling, 0.65), (Jeugdreclassering, 0.35)],
        ProviderProfile.SpecialistischVerblijf => [(LandelijkIngekocht, 0.60), (VerblijfMetBehandeling, 0.40)],
        ProviderProfile.Dagbehandeling => [(Dagbehandeling, 0.70), (AmbulanteBegeleiding, 0.30)],
        ProviderProfile.Ambulant => [(AmbulanteBegeleiding, 0.60), (PersoonlijkeVerzorging, 0.25), (Maatwerk, 0.15)],
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "unknown provider profile"),
    };

    /// <summary>Profiles of the largest providers, in rank order; smaller ones are drawn from <see cref="SmallProviderOdds"/>.</summary>
    public static IReadOnlyList<ProviderProfile> Head { get; } =
    [
        ProviderProfile.BreedAanbod, ProviderProfile.Ggz, ProviderProfile.BreedAanbod, ProviderProfile.Pleegzorg,
        ProviderProfile.GecertificeerdeInstelling, ProviderProfile.SpecialistischVerblijf, ProviderProfile.Dagbehandeling,
        ProviderProfile.Ambulant,
    ];

    public static IReadOnlyList<(ProviderProfile Profile, double Weight)> SmallProviderOdds { get; } =
    [
        (ProviderProfile.Ambulant, 0.45), (ProviderProfile.Ggz, 0.20), (ProviderProfile.Dagbehandeling, 0.15),
        (ProviderProfile.Pleegzorg, 0.10), (ProviderProfile.BreedAanbod, 0.07), (ProviderProfile.SpecialistischVerblijf, 0.03),
    ];
}
