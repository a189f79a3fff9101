namespace SociaalDomein.Messages.Model;

/// <summary>The BerichtCode of every message type per standard (Vektis list COD002-VEKT), the one table the formats read from.</summary>
/// <remarks>
/// Verified: the 3.2 codes of both standards (JW301 436 … JW325 491, WMO301 414 … WMO325 485) against the COD002-VEKT
/// transcriptions of the 3.2 release and the BerichtCode patterns in the 3.2 XSDs.
/// Not verified against an official source: the legacy 2.x codes (WMO303 D 416 / F 448, WMO304 417 / 449, JW303 D 432 /
/// F 450, JW304 433 / 451). They come from the region's domain notes; the one public tool found that maps 304 to 303 does
/// so by "BerichtCode − 1", which these codes respect.
/// </remarks>
public static class BerichtCodes
{
    private static readonly (Standard Standard, MessageType Type, DeclaratieFactuurSoort? Soort, int Code)[] Table =
    [
        (Standard.IJw, MessageType.Toewijzing301, null, 436),
        (Standard.IJw, MessageType.ToewijzingRetour302, null, 437),
        (Standard.IJw, MessageType.DeclaratieFactuur303, DeclaratieFactuurSoort.Declaratie, 432),
        (Standard.IJw, MessageType.DeclaratieFactuur303, DeclaratieFactuurSoort.Factuur, 450),
        (Standard.IJw, MessageType.DeclaratieFactuurRetour304, DeclaratieFactuurSoort.Declaratie, 433),
        (Standard.IJw, MessageType.DeclaratieFactuurRetour304, DeclaratieFactuurSoort.Factuur, 451),
        (Standard.IJw, MessageType.StartZorg305, null, 438),
        (Standard.IJw, MessageType.StartZorgRetour306, null, 439),
        (Standard.IJw, MessageType.StopZorg307, null, 440),
        (Standard.IJw, MessageType.StopZorgRetour308, null, 441),
        (Standard.IJw, MessageType.VerzoekOmToewijzing315, null, 446),
        (Standard.IJw, MessageType.VerzoekOmToewijzingRetour316, null, 447),
        (Standard.IJw, MessageType.VerzoekOmWijziging317, null, 486),
        (Standard.IJw, MessageType.VerzoekOmWijzigingRetour318, null, 487),
        (Standard.IJw, MessageType.Antwoord319, null, 488),
        (Standard.IJw, MessageType.AntwoordRetour320, null, 489),
        (Standard.IJw, MessageType.Declaratie323, null, 490),
        (Standard.IJw, MessageType.DeclaratieAntwoord325, null, 491),
        (Standard.IWmo, MessageType.Toewijzing301, null, 414),
        (Standard.IWmo, MessageType.ToewijzingRetour302, null, 415),
        (Standard.IWmo, MessageType.DeclaratieFactuur303, DeclaratieFactuurSoort.Declaratie, 416),
        (Standard.IWmo, MessageType.DeclaratieFactuur303, DeclaratieFactuurSoort.Factuur, 448),
        (Standard.IWmo, MessageType.DeclaratieFactuurRetour304, DeclaratieFactuurSoort.Declaratie, 417),
        (Standard.IWmo, MessageType.DeclaratieFactuurRetour304, DeclaratieFactuurSoort.Factuur, 449),
        (Standard.IWmo, MessageType.StartZorg305, null, 418),
        (Standard.IWmo, MessageType.StartZorgRetour306, null, 419),
        (Standard.IWmo, MessageType.StopZorg307, null, 420),
        (Standard.IWmo, MessageType.StopZorgRetour308, null, 421),
        (Standard.IWmo, MessageType.VerzoekOmToewijzing315, null, 444),
        (Standard.IWmo, MessageType.VerzoekOmToewijzingRetour316, null, 445),
        (Standard.IWmo, MessageType.VerzoekOmWijziging317, null, 480),
        (Standard.IWmo, MessageType.VerzoekOmWijzigingRetour318, null, 481),
        (Standard.IWmo, MessageType.Antwoord319, null, 482),
        (Standard.IWmo, MessageType.AntwoordRetour320, null, 483),
        (Standard.IWmo, MessageType.Declaratie323, null, 484),
        (Standard.IWmo, MessageType.DeclaratieAntwoord325, null, 485),
    ];

    /// <summary>The BerichtCode of a message type; for 303/304 pass which variant (declaratie or factuur).</summary>
    /// <exception cref="ArgumentException">The combination has no code.</exception>
    public static int Of(Standard standard, MessageType type, DeclaratieFactuurSoort? soort = null)
    {
        foreach (var row in Table)
        {
            if (row.Standard == standard && row.Type == type && row.Soort == soort) return row.Code;
        }
        throw new ArgumentException($"{standard} {(int)type}{(soort is null ? "" : $" ({soort})")} has no BerichtCode.", nameof(type));
    }

    /// <summary>All codes of a message type in a standard: one, or two for the legacy 303/304.</summary>
    public static IReadOnlyList<int> All(Standard standard, MessageType type) =>
        Table.Where(r => r.Standard == standard && r.Type == type).Select(r => r.Code).ToArray();

    /// <summary>The message type (and 303/304 variant) a BerichtCode stands for in a standard.</summary>
    public static bool TryGetType(Standard standard, int code, out MessageType type, out DeclaratieFactuurSoort? soort)
    {
        foreach (var row in Table)
        {
            if (row.Standard == standard && row.Code == code)
            {
                (type, soort) = (row.Type, row.Soort);
                return true;
            }
        }
        (type, soort) = (default, null);
        return false;
    }

    /// <summary>"JW323" for (iJw, 490); null when the code is not in the standard's list.</summary>
    public static string? NameOf(Standard standard, int code)
    {
        if (!TryGetType(standard, code, out var type, out var soort)) return null;
        var prefix = standard == Standard.IJw ? "JW" : "WMO";
        var suffix = soort switch { DeclaratieFactuurSoort.Declaratie => "D", DeclaratieFactuurSoort.Factuur => "F", _ => "" };
        return $"{prefix}{(int)type}{suffix}";
    }
}
