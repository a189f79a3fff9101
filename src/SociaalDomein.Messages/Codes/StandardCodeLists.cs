using SociaalDomein.Messages.Model;

namespace SociaalDomein.Messages.Codes;

/// <summary>
/// The code lists of one standard (release 3.2). iJw and iWmo each have their own instances, also where the codes happen to
/// be equal, so a list that changes in one standard never silently changes the other.
/// </summary>
/// <remarks>
/// Verified against transcriptions of the 3.2 code lists (informatiemodel.istandaarden.nl): iJw JZ020, JZ002, JZ588,
/// WJ756, WMO757, COD467, WJ758, WJ759, WJ760, COD327; iWmo WMO020, WMO002, WMO588.
/// Not verified, assumed equal to the iJw list: iWmo Eenheid, Frequentie, StatusAanlevering, RedenVerzoek,
/// RedenAfwijzingVerzoek and VerzoekAntwoord; COD260 (1 ja, 2 nee) in both. The iWmo referrer types were not found: iWmo Verwijzer/Type is only checked
/// for its 2-digit form (<see cref="VerwijzerType"/> is null).
/// </remarks>
public sealed class StandardCodeLists
{
    private StandardCodeLists(Standard standard)
    {
        Standard = standard;
    }

    public Standard Standard { get; }

    /// <summary>Productcategorie: iJw 31–38 (2015) and 40–55; iWmo 01–18.</summary>
    public required CodeList ProductCategorie { get; init; }

    /// <summary>Eenheid (WJ756): 01 minuut, 04 uur, 14 etmaal, 16 dagdeel, 82 stuks (output), 83 euro's, 84 stuks (inspanning).</summary>
    public required CodeList Eenheid { get; init; }

    /// <summary>Frequentie (WMO757): 1 per dag, 2 per week, 4 per maand, 6 totaal binnen geldigheidsduur.</summary>
    public required CodeList Frequentie { get; init; }

    /// <summary>RedenWijziging of an allocation; 13 means deleted.</summary>
    public required CodeList RedenWijziging { get; init; }

    /// <summary>RedenBeeindiging of a stop: differs between the standards (iJw 31 = according to plan, iWmo 31 = moved).</summary>
    public required CodeList RedenBeeindiging { get; init; }

    /// <summary>StatusAanlevering (COD467).</summary>
    public required CodeList StatusAanlevering { get; init; }

    /// <summary>RedenVerzoek of a 317 (WJ758).</summary>
    public required CodeList RedenVerzoek { get; init; }

    /// <summary>RedenAfwijzingVerzoek of a 319 (WJ759).</summary>
    public required CodeList RedenAfwijzingVerzoek { get; init; }

    /// <summary>VerzoekAntwoord of a 319 (WJ760).</summary>
    public required CodeList VerzoekAntwoord { get; init; }

    /// <summary>Verwijzer/Type (COD327); null where the list is not known (iWmo).</summary>
    public CodeList? VerwijzerType { get; init; }

    /// <summary>Yes/no (COD260): 1 ja, 2 nee.</summary>
    public required CodeList JaNee { get; init; }

    public static StandardCodeLists IJw { get; } = CreateIJw();

    public static StandardCodeLists IWmo { get; } = CreateIWmo();

    public static StandardCodeLists For(Standard standard) => standard switch
    {
        Standard.IJw => IJw,
        Standard.IWmo => IWmo,
        _ => throw new ArgumentOutOfRangeException(nameof(standard), standard, "unknown standard"),
    };

    private static StandardCodeLists CreateIJw() => new(Standard.IJw)
    {
        ProductCategorie = new CodeList("JZ020", "ProductCategorie",
        [
            ("31", "wijk- of buurtteam (2015)"), ("32", "ambulant op locatie van de aanbieder (2015)"), ("33", "daghulp (2015)"),
            ("34", "in het netwerk van de jeugdige (2015)"), ("35", "pleegzorg (2015)"), ("36", "gezinsgericht (2015)"),
            ("37", "gesloten plaatsing (2015)"), ("38", "overig residentieel (2015)"),
            ("40", "persoonlijke verzorging"), ("41", "dagbehandeling"), ("42", "vervoerdiensten"),
            ("43", "verblijf incl. behandeling"), ("44", "verblijf excl. behandeling"), ("45", "jeugdhulp ambulant"),
            ("46", "crisis"), ("47", "jeugdreclassering"), ("48", "jeugdbescherming"), ("49", "preventief justitieel kader"),
            ("50", "maatwerkarrangementen"), ("51", "generalistische basis-ggz"), ("52", "specialistische ggz"),
            ("53", "kindergeneeskunde"), ("54", "jeugd-ggz"), ("55", "landelijk ingekochte zorg"),
        ]),
        Eenheid = Eenheden("WJ756"),
        Frequentie = Frequenties(),
        RedenWijziging = RedenenWijziging("JZ002"),
        RedenBeeindiging = new CodeList("JZ588", "RedenBeeindiging",
        [
            ("02", "overlijden"), ("20", "tijdelijk beëindigd"), ("31", "volgens plan beëindigd"),
            ("32", "voortijdig, door cliënt"), ("33", "voortijdig, door aanbieder"), ("34", "voortijdig, in overleg"),
            ("35", "voortijdig, externe oorzaak"), ("36", "geïnitieerd door de gemeente"), ("37", "in verband met wijzigingsverzoek"),
            ("38", "overstap naar andere aanbieder"), ("39", "uitstroom naar ander domein"),
        ]),
        StatusAanlevering = StatussenAanlevering(),
        RedenVerzoek = RedenenVerzoek(),
        RedenAfwijzingVerzoek = RedenenAfwijzing(),
        VerzoekAntwoord = VerzoekAntwoorden(),
        VerwijzerType = new CodeList("COD327", "Verwijzer/Type",
        [
            ("01", "gemeente"), ("02", "huisarts"), ("03", "jeugdarts"), ("04", "gecertificeerde instelling"),
            ("05", "medisch specialist"), ("06", "zelfverwijzer/geen verwijzer"), ("08", "rechter, officier van justitie, JJI"),
        ]),
        JaNee = JaNeeList(),
    };

    private static StandardCodeLists CreateIWmo() => new(Standard.IWmo)
    {
        ProductCategorie = new CodeList("WMO020", "ProductCategorie",
        [
            ("01", "hulp bij het huishouden"), ("02", "begeleiding"), ("03", "persoonlijke verzorging"), ("04", "kortdurend verblijf"),
            ("05", "woondiensten"), ("06", "overige individuele ondersteuning"), ("07", "dagbesteding"), ("08", "vervoerdiensten"),
            ("09", "overige groepsgerichte ondersteuning"), ("10", "overige maatwerkarrangementen"), ("11", "rolstoelen"),
            ("12", "vervoervoorzieningen"), ("13", "woonvoorzieningen"), ("14", "overige hulpmiddelen"), ("15", "beschermd wonen"),
            ("16", "opvang"), ("17", "spoedopvang"), ("18", "overige beschermd wonen en opvang"),
        ]),
        Eenheid = Eenheden("WJ756"),
        Frequentie = Frequenties(),
        RedenWijziging = RedenenWijziging("WMO002"),
        RedenBeeindiging = new CodeList("WMO588", "RedenBeeindiging",
        [
            ("02", "overlijden"), ("19", "volgens plan beëindigd"), ("20", "tijdelijk beëindigd"),
            ("21", "eenzijdig door cliënt beëindigd"), ("22", "eenzijdig door aanbieder beëindigd"),
            ("23", "in overeenstemming voortijdig beëindigd"), ("31", "verhuizing naar een andere gemeente"),
            ("36", "geïnitieerd door de gemeente"), ("37", "in verband met wijzigingsverzoek"),
            ("38", "overstap naar andere aanbieder"), ("39", "uitstroom naar ander domein"),
        ]),
        StatusAanlevering = StatussenAanlevering(),
        RedenVerzoek = RedenenVerzoek(),
        RedenAfwijzingVerzoek = RedenenAfwijzing(),
        VerzoekAntwoord = VerzoekAntwoorden(),
        VerwijzerType = null,
        JaNee = JaNeeList(),
    };

    // Each call builds a new instance: the standards never share one list object.
    private static CodeList Eenheden(string id) => new(id, "Eenheid",
    [
        ("01", "minuut"), ("04", "uur"), ("14", "etmaal"), ("16", "dagdeel (4 uur)"),
        ("82", "stuks (output)"), ("83", "euro's"), ("84", "stuks (inspanning)"),
    ]);

    private static CodeList Frequenties() => new("WMO757", "Frequentie",
        [("1", "per dag"), ("2", "per week"), ("4", "per maand"), ("6", "totaal binnen geldigheidsduur toewijzing")]);

    private static CodeList RedenenWijziging(string id) => new(id, "RedenWijziging",
    [
        ("01", "administratieve correctie (vervallen)"), ("02", "cliënt overleden"), ("03", "contractwijziging"),
        ("04", "herbeoordeling: verlenging"), ("05", "herbeoordeling: verkorting"), ("06", "uitstroom naar ander domein"),
        ("07", "verhuizing naar een andere gemeente"), ("08", "wijziging leveringsvorm"), ("09", "overstap naar andere aanbieder"),
        ("10", "overgang naar nieuwe bekostigingssystematiek"), ("11", "gemeentelijke herindeling"),
        ("12", "geïnitieerd door de aanbieder"), ("13", "verwijderd"), ("14", "administratieve correctie"),
    ]);

    private static CodeList StatussenAanlevering() => new("COD467", "StatusAanlevering",
        [("1", "eerste aanlevering"), ("2", "gewijzigde aanlevering"), ("3", "verwijderen aanlevering"), ("9", "niet van toepassing")]);

    private static CodeList RedenenVerzoek() => new("WJ758", "RedenVerzoek",
        [("1", "verandering cliëntsituatie"), ("2", "wijziging zorgplan")]);

    private static CodeList RedenenAfwijzing() => new("WJ759", "RedenAfwijzingVerzoek",
    [
        ("1", "geen wijziging maar nieuwe aanvraag"), ("2", "past niet binnen budget"), ("3", "geen contract"),
        ("4", "past niet binnen contract"), ("5", "andere gemeente"), ("6", "stapeling"), ("7", "zorginhoudelijke afkeur"),
        ("8", "woonplaatsbeginsel"), ("9", "leeftijdsgrens bereikt"),
    ]);

    private static CodeList VerzoekAntwoorden() => new("WJ760", "VerzoekAntwoord",
        [("1", "verzoek afgewezen"), ("2", "aanvraag in onderzoek")]);

    private static CodeList JaNeeList() => new("COD260", "JaNee", [("1", "ja"), ("2", "nee")]);
}
