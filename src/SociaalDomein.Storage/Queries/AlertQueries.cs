using Npgsql;

namespace SociaalDomein.Storage.Queries;

/// <summary>Alerts for contract managers, with their acknowledgements (<c>alert_acknowledgements</c>).</summary>
public sealed class AlertQueries(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        a.id, a.kind, a.severity, a.municipality_code, a.provider_agb, a.year, a.product_categorie, a.threshold_percent,
        a.declared_cents, a.ceiling_cents, a.triggering_message_id, a.description, a.raised_at,
        k.acknowledged_by, k.acknowledged_at, k.note,
        a.status, a.revision, a.figure_actual, a.figure_limit, a.figure_unit, a.figure_basis, a.resolved_at, rc.participants
        """;

    // A region-wide ceiling's alert carries the region code where a contract alert has its municipality; its
    // participants decide which municipalities (and so which contract managers) it concerns.
    private const string From = """
        FROM alerts AS a LEFT JOIN alert_acknowledgements AS k ON k.alert_id = a.id
        LEFT JOIN regional_ceilings AS rc
          ON rc.region_code = a.municipality_code AND rc.provider_agb = a.provider_agb AND rc.year = a.year
         AND rc.product_categorie = coalesce(a.product_categorie, '')
        """;

    private const string FromWhere = From + """

        WHERE ($1::boolean IS NULL OR (k.alert_id IS NOT NULL OR a.status = 'resolved') = $1)
          AND ($2::text[] IS NULL OR a.municipality_code = ANY($2) OR rc.participants && $2) AND ($3::text IS NULL OR a.provider_agb = $3)
          AND ($4::int IS NULL OR a.year = $4) AND ($5::text IS NULL OR a.severity = $5)
        """;

    /// <summary>One page of alerts, newest first.</summary>
    public Task<Paged<AlertView>> GetPageAsync(AlertFilter filter, int limit, long offset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return PagedQuery.ReadAsync(dataSource, Columns, FromWhere, "a.raised_at DESC, a.id", p =>
        {
            p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Boolean, Value = (object?)filter.Resolved ?? DBNull.Value });
            p.AddTextArray(filter.Municipalities);
            p.AddText(filter.ProviderAgb);
            p.AddInteger(filter.Year);
            p.AddText(filter.Severity);
        }, Read, limit, offset, cancellationToken);
    }

    public async Task<AlertView?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} {From} WHERE a.id = $1");
        command.Parameters.AddText(id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>Records that <paramref name="acknowledgedBy"/> handled the alert; only the first acknowledgement is kept.</summary>
    public async Task<AcknowledgeOutcome> AcknowledgeAsync(string id, string acknowledgedBy, string note, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            WITH target AS (SELECT id FROM alerts WHERE id = $1),
            inserted AS (
                INSERT INTO alert_acknowledgements (alert_id, acknowledged_by, note, acknowledged_at)
                SELECT id, $2, $3, $4 FROM target
                ON CONFLICT (alert_id) DO NOTHING
                RETURNING alert_id
            )
            SELECT (SELECT count(*) FROM target), (SELECT count(*) FROM inserted)
            """);
        command.Parameters.AddText(id);
        command.Parameters.AddText(acknowledgedBy);
        command.Parameters.AddText(note);
        command.Parameters.AddTimestamp(at);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        if (reader.GetInt64(0) == 0) return AcknowledgeOutcome.NotFound;
        return reader.GetInt64(1) == 1 ? AcknowledgeOutcome.Acknowledged : AcknowledgeOutcome.AlreadyAcknowledged;
    }

    private static AlertView Read(NpgsqlDataReader reader) => new(
        Id: reader.GetString(0),
        Kind: reader.GetString(1),
        Severity: reader.GetString(2),
        MunicipalityCode: reader.GetString(3),
        ProviderAgb: reader.GetString(4),
        Year: reader.GetInt32(5),
        ProductCategorie: reader.IsDBNull(6) ? null : reader.GetString(6),
        ThresholdPercent: reader.IsDBNull(7) ? null : reader.GetInt32(7),
        DeclaredCents: reader.GetInt64(8),
        CeilingCents: reader.IsDBNull(9) ? null : reader.GetInt64(9),
        TriggeringMessageId: reader.IsDBNull(10) ? null : reader.GetString(10),
        Description: reader.GetString(11),
        RaisedAt: reader.GetFieldValue<DateTimeOffset>(12),
        AcknowledgedBy: reader.IsDBNull(13) ? null : reader.GetString(13),
        AcknowledgedAt: reader.IsDBNull(14) ? null : reader.GetFieldValue<DateTimeOffset>(14),
        AcknowledgementNote: reader.IsDBNull(15) ? null : reader.GetString(15),
        Condition: reader.GetString(16) == "resolved" ? "resolved" : "holds",
        Revision: reader.GetInt32(17),
        Figures: reader.IsDBNull(18) ? null : new AlertViewFigures(reader.GetInt64(18), reader.GetInt64(19), reader.GetString(20),
            reader.IsDBNull(21) ? null : reader.GetString(21)),
        ConditionResolvedAt: reader.IsDBNull(22) ? null : reader.GetFieldValue<DateTimeOffset>(22),
        RegionParticipants: reader.IsDBNull(23) ? null : reader.GetFieldValue<string[]>(23));
}
