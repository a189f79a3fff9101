using SociaalDomein.Monitoring.Ledger;

namespace SociaalDomein.Storage.Queries;

/// <summary>A ledger line as stored: its position, when it was stored, and the line itself (for drill-down).</summary>
public sealed record StoredDeclarationLine(long Sequence, DateTimeOffset StoredAt, DeclarationLine Line);
