namespace SociaalDomein.Messages.Model;

/// <summary>
/// The functional message number shared by iJw and iWmo (301, 323, ...). The per-standard BerichtCode
/// (e.g. JW301 = 436, WMO301 = 414) is mapped to this by each message format.
/// </summary>
/// <remarks>Heen messages are odd (301, 305, ...); their retour is the next number (302, 306, ...), except 325, which answers 323.</remarks>
public enum MessageType
{
    /// <summary>Toewijzing: the municipality allocates care to a provider (also change, withdrawal, deletion).</summary>
    Toewijzing301 = 301,

    /// <summary>Retour on a 301, sent by the provider.</summary>
    ToewijzingRetour302 = 302,

    /// <summary>Legacy declaration or invoice (303D / 303F) of releases 2.x.</summary>
    DeclaratieFactuur303 = 303,

    /// <summary>Retour on a legacy 303, sent by the municipality.</summary>
    DeclaratieFactuurRetour304 = 304,

    /// <summary>Start zorg: the provider reports that care started.</summary>
    StartZorg305 = 305,

    /// <summary>Retour on a 305, sent by the municipality.</summary>
    StartZorgRetour306 = 306,

    /// <summary>Stop zorg: the provider reports that care stopped, temporarily or definitively.</summary>
    StopZorg307 = 307,

    /// <summary>Retour on a 307, sent by the municipality.</summary>
    StopZorgRetour308 = 308,

    /// <summary>Verzoek om toewijzing: the provider asks for an allocation.</summary>
    VerzoekOmToewijzing315 = 315,

    /// <summary>Retour on a 315, sent by the municipality.</summary>
    VerzoekOmToewijzingRetour316 = 316,

    /// <summary>Verzoek om wijziging: the provider asks to change allocations.</summary>
    VerzoekOmWijziging317 = 317,

    /// <summary>Retour on a 317, sent by the municipality.</summary>
    VerzoekOmWijzigingRetour318 = 318,

    /// <summary>Antwoordbericht: the municipality rejects a 315/317 or puts it under investigation.</summary>
    Antwoord319 = 319,

    /// <summary>Retour on a 319, sent by the provider.</summary>
    AntwoordRetour320 = 320,

    /// <summary>Declaratie: a provider's monthly claim for many clients.</summary>
    Declaratie323 = 323,

    /// <summary>Declaratie-antwoord: the municipality's answer on a 323, listing only the rejected prestaties.</summary>
    DeclaratieAntwoord325 = 325,
}
