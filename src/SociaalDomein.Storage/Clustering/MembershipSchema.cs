using Npgsql;

namespace SociaalDomein.Storage.Clustering;

/// <summary>Explains a missing membership schema in terms of what to do about it.</summary>
internal static class MembershipSchema
{
    public static InvalidOperationException Missing(PostgresException exception) => new(
        "The Orleans membership tables are missing from this database. Apply the schema migrations " +
        "(MigrationRunner, 0002_orleans_membership) before starting a silo or a client that uses PostgreSQL clustering.",
        exception);
}
