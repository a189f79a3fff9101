using System.Xml;
using SociaalDomein.Messages.Model;

namespace SociaalDomein.Ingestion.Worker;

/// <summary>
/// Standard and message type as metric and span tags: taken from a parsed message, or, for a record that may not parse,
/// guessed from its root element's namespace alone. The values come from small fixed sets, so they are safe as labels.
/// </summary>
public readonly record struct MessageKind(string Standard, string Type)
{
    private const string Unknown = "unknown";
    private const string NamespaceBase = "http://www.istandaarden.nl/";

    public static MessageKind Unrecognised { get; } = new(Unknown, Unknown);

    public static MessageKind Of(IstdMessage message) => new(message.Standard.Code(), ((int)message.Type).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// Reads no further than the root element: "http://www.istandaarden.nl/ijw/3_2/jw323/schema" is ("ijw", "323").
    /// Anything else (no XML, another namespace, a type number that does not exist) is <see cref="Unrecognised"/>.
    /// </summary>
    public static MessageKind Sniff(byte[]? xml)
    {
        if (xml is null || xml.Length == 0) return Unrecognised;
        try
        {
            using var stream = new MemoryStream(xml, writable: false);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
                IgnoreWhitespace = true,
            });
            return reader.MoveToContent() == XmlNodeType.Element ? FromNamespace(reader.NamespaceURI) : Unrecognised;
        }
        catch (XmlException)
        {
            return Unrecognised;
        }
    }

    /// <summary>Parses an iStandaarden message namespace; see <see cref="Sniff"/>.</summary>
    public static MessageKind FromNamespace(string ns)
    {
        if (!ns.StartsWith(NamespaceBase, StringComparison.Ordinal)) return Unrecognised;
        var parts = ns[NamespaceBase.Length..].Split('/');
        if (parts.Length < 4 || parts[3] != "schema") return Unrecognised;
        var standard = parts[0] switch
        {
            "ijw" => Messages.Model.Standard.IJw,
            "iwmo" => Messages.Model.Standard.IWmo,
            _ => (Messages.Model.Standard?)null,
        };
        var schema = parts[2];
        var digits = schema.AsSpan(schema.TakeWhile(char.IsAsciiLetterLower).Count());
        if (standard is null || digits.Length != 3 || !int.TryParse(digits, System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var number) || !Enum.IsDefined(typeof(MessageType), number))
            return Unrecognised;
        return new MessageKind(standard.Value.Code(), number.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public KeyValuePair<string, object?> StandardTag => new(IngestionTelemetry.Tags.Standard, Standard);

    public KeyValuePair<string, object?> TypeTag => new(IngestionTelemetry.Tags.MessageType, Type);
}
