namespace SociaalDomein.Simulation.Products;

/// <summary>
/// The simulated region's own iJw product code list. Codes follow the 5-character pattern of the national list but are
/// the region's; tariff ranges follow DOMAIN.md §6 (assumptions, not contract figures).
/// </summary>
public static class JeugdProductCatalogue
{
    public static JeugdProduct PersoonlijkeVerzorging { get; } = new(
        "40", "40A01", "Persoonlijke verzorging jeugd", "04", "2", new(55_00, 70_00), new(2, 6), new(6, 12));

    public static JeugdProduct Dagbehandeling { get; } = new(
        "41", "41A02", "Dagbehandeling jeugd", "16", "2", new(55_00, 95_00), new(2, 8), new(6, 12));

    /// <summary>Rides to and from dagbehandeling; only allocated together with <see cref="Dagbehandeling"/>.</summary>
    public static JeugdProduct Vervoer { get; } = new(
        "42", "42A01", "Vervoer dagbehandeling (per rit)", "82", "2", new(18_00, 35_00), new(4, 10), new(6, 12));

    public static JeugdProduct VerblijfMetBehandeling { get; } = new(
        "43", "43A05", "Verblijf met behandeling", "14", "1", new(250_00, 350_00), new(1, 1), new(6, 18));

    public static JeugdProduct Pleegzorg { get; } = new(
        "44", "44A01", "Pleegzorg", "14", "1", new(30_00, 70_00), new(1, 1), new(12, 36), OpenEndedShare: 0.3);

    public static JeugdProduct Gezinshuis { get; } = new(
        "44", "44A10", "Gezinshuis", "14", "1", new(150_00, 250_00), new(1, 1), new(12, 24));

    public static JeugdProduct AmbulanteBegeleiding { get; } = new(
        "45", "45A03", "Ambulante begeleiding", "04", "2", new(55_00, 90_00), new(1, 6), new(3, 12));

    /// <summary>Specialist outpatient treatment, allocated in minutes per week; €90–130 per hour.</summary>
    public static JeugdProduct AmbulanteBehandeling { get; } = new(
        "45", "45A48", "Ambulante behandeling specialistisch (minuten)", "01", "2", new(150, 217), new(60, 240), new(3, 9));

    public static JeugdProduct Crisisopvang { get; } = new(
        "46", "46A01", "Crisisopvang", "14", "1", new(350_00, 600_00), new(1, 1), new(1, 2));

    public static JeugdProduct Jeugdreclassering { get; } = new(
        "47", "47A01", "Jeugdreclassering (maandtarief)", "82", "4", new(900_00, 1300_00), new(1, 1), new(6, 12));

    public static JeugdProduct Ondertoezichtstelling { get; } = new(
        "48", "48A01", "Ondertoezichtstelling (maandtarief)", "82", "4", new(1100_00, 1500_00), new(1, 1), new(12, 24));

    /// <summary>Tailor-made arrangement with a budget (Eenheid 83): no Omvang, no tariff.</summary>
    public static JeugdProduct Maatwerk { get; } = new(
        "50", "50A01", "Maatwerkarrangement (budget)", "83", "", new(2_500_00, 10_000_00), new(0, 0), new(3, 9));

    /// <summary>A trajectory declared once, as a whole, when it ends (Frequentie 6).</summary>
    public static JeugdProduct BasisGgzTraject { get; } = new(
        "51", "51A02", "Generalistische basis-ggz traject", "82", "6", new(700_00, 1400_00), new(1, 1), new(3, 6));

    public static JeugdProduct JeugdGgz { get; } = new(
        "54", "54A02", "Jeugd-ggz behandeling", "04", "2", new(95_00, 130_00), new(1, 3), new(3, 12));

    public static JeugdProduct LandelijkIngekocht { get; } = new(
        "55", "55A01", "Landelijk ingekochte zorg (intensief verblijf)", "14", "1", new(400_00, 600_00), new(1, 1), new(3, 12));

    /// <summary>All products, in code order.</summary>
    public static IReadOnlyList<JeugdProduct> All { get; } =
    [
        PersoonlijkeVerzorging, Dagbehandeling, Vervoer, VerblijfMetBehandeling, Pleegzorg, Gezinshuis,
        AmbulanteBegeleiding, AmbulanteBehandeling, Crisisopvang, Jeugdreclassering, Ondertoezichtstelling,
        Maatwerk, BasisGgzTraject, JeugdGgz, LandelijkIngekocht,
    ];
}
