namespace SociaalDomein.Messages.Formats;

/// <summary>A message format in one release, with the namespaces that identify it.</summary>
internal sealed record FormatBinding(IMessageFormat Format, Release Release, string MessageNamespace, string BasisschemaNamespace)
{
    /// <summary>"JW323".</summary>
    public string DisplayName => Format.SchemaName.ToUpperInvariant();
}
