namespace SociaalDomein.Monitoring.Rules.LeadTimes;

/// <summary>The time limits of the message traffic that the monitor watches.</summary>
public enum LeadTimeRule
{
    /// <summary>OP090: a retour message within 3 working days of receiving the message.</summary>
    Retour,

    /// <summary>A 325 (declaration answer) within 10 working days of the 323.</summary>
    DeclarationAnswer,

    /// <summary>A 305 within 5 working days of the actual start of care (its Begindatum).</summary>
    StartReport,

    /// <summary>A 307 within 5 working days of the actual end of care (its Einddatum).</summary>
    StopReport,

    /// <summary>The municipality answers a 315/317 within 5 working days with a 301 or a 319.</summary>
    RequestAnswer,

    /// <summary>A 305 follows a 301 within a number of days the region chooses.</summary>
    AllocationWithoutStart,
}
