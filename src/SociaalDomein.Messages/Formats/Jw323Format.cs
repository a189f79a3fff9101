using SociaalDomein.Messages.Model;

namespace SociaalDomein.Messages.Formats;

/// <summary>JW323 Declaratie Jeugdhulp (BerichtCode 490), provider → municipality.</summary>
internal sealed class Jw323Format() : Declaratie323Format(Standard.IJw, berichtCode: 490, schemaName: "jw323");
