namespace SociaalDomein.Storage.Queries;

/// <summary>Which period and contracts <see cref="ReconcileQueries"/> checks.</summary>
/// <param name="From">First day, inclusive: the received day for the daily insight, the Dagtekening for daily_costs.</param>
/// <param name="To">Last day, inclusive.</param>
/// <param name="Municipalities">CBS codes to check; null: all municipalities.</param>
/// <param name="ProviderAgb">One provider; null: all providers.</param>
public sealed record ReconcileFilter(DateOnly From, DateOnly To, IReadOnlyCollection<string>? Municipalities = null, string? ProviderAgb = null);
