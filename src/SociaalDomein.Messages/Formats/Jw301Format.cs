using SociaalDomein.Messages.Model;

namespace SociaalDomein.Messages.Formats;

/// <summary>JW301 Toewijzing Jeugdhulp (BerichtCode 436), municipality → provider.</summary>
internal sealed class Jw301Format() : Toewijzing301Format(Standard.IJw, berichtCode: 436, schemaName: "jw301");
