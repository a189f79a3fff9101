using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Reading;
using SociaalDomein.Messages.Writing;

namespace SociaalDomein.Messages.Formats;

/// <summary>
/// Everything about one message type of one standard (e.g. JW323): how to recognise it, and how to read and write it.
/// Implementations are found by <see cref="MessageFormats"/> through reflection, so adding a message type is adding one
/// class (with a public parameterless constructor) under Formats/.
/// </summary>
internal interface IMessageFormat
{
    Standard Standard { get; }

    MessageType Type { get; }

    /// <summary>The header BerichtCodes this format reads: one, or two for the legacy 303/304 (declaratie and factuur).</summary>
    IReadOnlyList<int> BerichtCodes { get; }

    /// <summary>The message segment of the namespace and the XML prefix, e.g. "jw323".</summary>
    string SchemaName { get; }

    /// <summary>True when the municipality sends this message (see <see cref="IstdMessage.SentByMunicipality"/>).</summary>
    bool SentByMunicipality { get; }

    /// <summary>
    /// True when Header/Afzender is a municipality code. Equal to <see cref="SentByMunicipality"/>, except for retour
    /// messages, which copy the header of the message they answer.
    /// </summary>
    bool HeaderAfzenderIsMunicipality { get; }

    /// <summary>Releases whose namespace this format reads and writes.</summary>
    IReadOnlyList<Release> Releases { get; }

    /// <summary>Children of the root element Bericht: Header followed by the message body.</summary>
    ElementSequence RootChildren { get; }

    /// <summary>Reads header and body; the cursor sits inside Bericht.</summary>
    IstdMessage Read(MessageCursor cursor, FormatBinding binding);

    /// <summary>Writes header and body inside Bericht.</summary>
    void Write(MessageXmlWriter writer, IstdMessage message);
}
