using SociaalDomein.Messages.Model;

namespace SociaalDomein.Messages.Formats;

/// <summary>Builds the iStandaarden namespace URIs (always lower case) and explains ones we do not know.</summary>
/// <remarks>
/// Release 3.x: http://www.istandaarden.nl/ijw/3_2/jw323/schema. Release 2.x repeats the release after "schema"
/// (http://www.istandaarden.nl/iwmo/2_1/wmo302/schema/2_1), as the published 2.1 XSDs show.
/// </remarks>
internal static class IstdNamespaces
{
    private const string Base = "http://www.istandaarden.nl/";

    /// <summary>e.g. http://www.istandaarden.nl/ijw/3_2/jw323/schema.</summary>
    public static string Message(Standard standard, Release release, string schemaName) =>
        $"{Base}{standard.Code()}/{release.NamespaceSegment}/{schemaName}/schema" +
        (release.HasNamespaceSuffix ? "/" + release.NamespaceSegment : "");

    /// <summary>e.g. http://www.istandaarden.nl/ijw/3_2/basisschema/schema.</summary>
    public static string Basisschema(Standard standard, Release release) => Message(standard, release, "basisschema");

    /// <summary>A sentence for a backoffice employee on why a root namespace was not recognised.</summary>
    public static string ExplainUnknown(string ns, string supported)
    {
        if (ns.Length == 0)
        {
            return $"The root element 'Bericht' has no XML namespace, so the message type cannot be told. This system reads {supported}.";
        }
        var shown = Reading.Redaction.Quote(ns, 200);
        if (ns.StartsWith(Base, StringComparison.Ordinal))
        {
            var parts = ns[Base.Length..].Split('/');
            if (parts is [var standard, var release, var schema, "schema", ..] && parts.Length <= 5)
            {
                return $"The namespace {shown} names message {Reading.Redaction.MaskDigitRuns(schema.ToUpperInvariant())} of " +
                       $"{Reading.Redaction.MaskDigitRuns(standard)} release {Reading.Redaction.MaskDigitRuns(release.Replace('_', '.'))}, " +
                       $"which this system does not read. It reads {supported}.";
            }
        }
        return $"The namespace {shown} is not an iJw/iWmo message namespace (expected e.g. {Message(Standard.IJw, Release.R3_2, "jw323")}). " +
               $"This system reads {supported}.";
    }
}
