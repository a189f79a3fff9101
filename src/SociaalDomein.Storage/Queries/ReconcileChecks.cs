namespace SociaalDomein.Storage.Queries;

/// <summary>The comparisons <see cref="ReconcileQueries"/> makes between the daily tables and the ledger.</summary>
public static class ReconcileChecks
{
    /// <summary>daily_insight per received day × contract × category × standard × service month × unit: amount, lines, volume.</summary>
    public const string DailyInsight = "daily-insight";

    /// <summary>daily_clients: distinct clients per received day × contract × category × standard.</summary>
    public const string DailyClients = "daily-clients";

    /// <summary>Year to date per contract × category × standard up to the end of the period (or of each year in it): amount, lines, distinct clients.</summary>
    public const string YearToDate = "year-to-date";

    /// <summary>daily_costs per Dagtekening × contract × category × standard: amount and lines.</summary>
    public const string DailyCosts = "daily-costs";

    /// <summary>Ledger lines whose message has no receipt in declaration_messages, so no received day to count on.</summary>
    public const string Receipt = "receipt";
}
