namespace SociaalDomein.Simulation.Providers;

/// <summary>The kind of youth-care provider, which decides the products it delivers and their spend mix.</summary>
public enum ProviderProfile
{
    /// <summary>Broad provider: residential with treatment, ambulant care, day treatment, crisis, family homes.</summary>
    BreedAanbod,

    /// <summary>Mental-health institution: specialist ambulant treatment, youth GGZ, basis-ggz, some residential.</summary>
    Ggz,

    /// <summary>Foster care and family homes.</summary>
    Pleegzorg,

    /// <summary>Certified institution (gecertificeerde instelling): youth protection and youth probation.</summary>
    GecertificeerdeInstelling,

    /// <summary>Nationally procured intensive residential care.</summary>
    SpecialistischVerblijf,

    /// <summary>Day treatment with transport, plus ambulant support.</summary>
    Dagbehandeling,

    /// <summary>Small ambulant practice: support, personal care, tailor-made budgets.</summary>
    Ambulant,
}
