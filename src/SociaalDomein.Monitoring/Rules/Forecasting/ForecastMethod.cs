namespace SociaalDomein.Monitoring.Rules.Forecasting;

/// <summary>How a year-end projection was made.</summary>
public enum ForecastMethod
{
    /// <summary>
    /// No projection: what is declared so far. Used when no service month of the year is complete yet (no run rate),
    /// or when every month of the year is complete.
    /// </summary>
    DeclaredToDate,

    /// <summary>
    /// Declared + the run rate for the months not yet (fully) declared: each month that has begun counts at least the
    /// run rate, each month still to come counts the run rate. The fallback when an active allocation has no value.
    /// </summary>
    RunRate,

    /// <summary>
    /// Declared + the not-yet-declared value of the active allocations for the months that have begun but are not fully
    /// declared (declarations arrive a month late) + the run rate for the months still to come.
    /// </summary>
    RunRatePlusOpenAllocations,
}
