using SociaalDomein.Messages.Codes;
using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Reading;
using SociaalDomein.Messages.Writing;

namespace SociaalDomein.Messages.Formats;

/// <summary>
/// Base of the formats: identity of the message type, taken from <see cref="Model.BerichtCodes"/>, and the namespace
/// prefix "jw"/"wmo". A heen format and its retour share one subclass, told apart by <see cref="IsRetour"/>: a retour
/// repeats the heen message's classes, each followed by RetourCodes.
/// </summary>
internal abstract class MessageFormat : IMessageFormat
{
    protected MessageFormat(Standard standard, MessageType type, bool sentByMunicipality, bool isRetour, IReadOnlyList<Release> releases)
    {
        Standard = standard;
        Type = type;
        SentByMunicipality = sentByMunicipality;
        IsRetour = isRetour;
        Releases = releases;
        BerichtCodes = Model.BerichtCodes.All(standard, type);
        SchemaName = (standard == Standard.IJw ? "jw" : "wmo") + ((int)type).ToString(System.Globalization.CultureInfo.InvariantCulture);
        CodeLists = StandardCodeLists.For(standard);
    }

    public Standard Standard { get; }
    public MessageType Type { get; }
    public IReadOnlyList<int> BerichtCodes { get; }
    public string SchemaName { get; }
    public bool SentByMunicipality { get; }
    public bool HeaderAfzenderIsMunicipality => IsRetour ? !SentByMunicipality : SentByMunicipality;
    public IReadOnlyList<Release> Releases { get; }
    public abstract ElementSequence RootChildren { get; }

    /// <summary>True for the retour of a heen message (302, 304, 306, 308, 316, 318, 320).</summary>
    protected bool IsRetour { get; }

    /// <summary>The code lists of this format's standard.</summary>
    protected StandardCodeLists CodeLists { get; }

    public abstract IstdMessage Read(MessageCursor cursor, FormatBinding binding);

    public abstract void Write(MessageXmlWriter writer, IstdMessage message);

    /// <summary>Reads the RetourCodes of the class the cursor is in, keyed by its path; nothing for a heen message.</summary>
    protected void ReadRetourCodes(MessageCursor cursor, List<KeyValuePair<string, IReadOnlyList<string>>>? map)
    {
        if (!IsRetour || map is null) return;
        var codes = cursor.RetourCodes();
        map.Add(new(cursor.CurrentPath, codes));
    }

    /// <summary>Writes the RetourCodes of the class at <paramref name="path"/>; nothing for a heen message.</summary>
    protected void WriteRetourCodes(MessageXmlWriter writer, RetourCodeMap? map, string path)
    {
        if (!IsRetour) return;
        writer.RetourCodes(map?.For(path) ?? []);
    }

    /// <summary>Reads Header (heen or retour form) as the first child of Bericht.</summary>
    protected (MessageHeader Header, RetourHeader? Retour) ReadHeader(MessageCursor cursor, FormatBinding binding)
    {
        var sequence = IsRetour ? MessageHeaderFormat.RetourSequence : MessageHeaderFormat.HeenSequence;
        if (!cursor.Begin("Header", sequence)) return (MessageHeaderFormat.Empty, null);
        var start = MessageHeaderFormat.ReadStart(cursor, binding);
        var xsd = MessageHeaderFormat.ReadXsdVersie(cursor, "XsdVersie");
        var retour = IsRetour ? MessageHeaderFormat.ReadRetour(cursor) : null;
        cursor.End();
        return (start.Complete(xsd), retour);
    }

    /// <summary>Writes Header (heen or retour form).</summary>
    protected static void WriteHeader(MessageXmlWriter writer, MessageHeader header, RetourHeader? retour)
    {
        writer.Start("Header");
        MessageHeaderFormat.WriteStart(writer, header);
        MessageHeaderFormat.WriteXsdVersie(writer, "XsdVersie", header);
        if (retour is not null) MessageHeaderFormat.WriteRetour(writer, retour);
        writer.End();
    }

    /// <summary>The retour header of a retour message being written; a programming error when the model is no retour.</summary>
    protected static RetourHeader RetourOf(IstdMessage message) =>
        message is RetourMessage retour ? retour.Retour : throw new ArgumentException($"{message.GetType().Name} is not a retour message.", nameof(message));

    protected static RetourCodeMap? RetourCodeMapOf(IstdMessage message) => (message as RetourMessage)?.RetourCodes;

    protected static RetourCodeMap ToMap(List<KeyValuePair<string, IReadOnlyList<string>>>? map) =>
        map is null ? RetourCodeMap.Empty : new RetourCodeMap(map);

    /// <summary>An empty map to collect retourcodes in while reading a retour message; null for a heen message.</summary>
    protected List<KeyValuePair<string, IReadOnlyList<string>>>? NewMap() => IsRetour ? [] : null;

    protected static string Invariant(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
