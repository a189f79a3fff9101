using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Reading;
using SociaalDomein.Messages.Writing;

namespace SociaalDomein.Messages.Formats;

/// <summary>
/// Everything about one message type of one standard (e.g. JW323): how to recognise it, and how to read and write its
/// body. Implementations are found by <see cref="MessageFormats"/> through reflection, so adding a message type is
/// adding one class (with a public parameterless constructor) under Formats/.
/// </summary>
internal interface IMessageFormat
{
    Standard Standard { get; }

    MessageType Type { get; }

    /// <summary>The header's BerichtCode, e.g. 490 for JW323.</summary>
    int BerichtCode { get; }

    /// <summary>The message segment of the namespace and the XML prefix, e.g. "jw323".</summary>
    string SchemaName { get; }

    /// <summary>True when the municipality sends this message (Afzender is then a municipality code, Ontvanger an AGB code).</summary>
    bool SentByMunicipality { get; }

    /// <summary>Releases whose namespace this format reads and writes.</summary>
    IReadOnlyList<Release> Releases { get; }

    /// <summary>Children of the root element Bericht: Header followed by the message body.</summary>
    ElementSequence RootChildren { get; }

    /// <summary>Reads the body after the header; the cursor sits inside Bericht.</summary>
    IstdMessage ReadBody(MessageCursor cursor, MessageHeader header);

    /// <summary>Writes the body after the header, inside Bericht.</summary>
    void WriteBody(MessageXmlWriter writer, IstdMessage message);
}
