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

    /// <summary>
    /// Reads the children of a Client that holds a list of products (301, 305, 307, 315 and their retours): Bsn and
    /// Geboortedatum, an optional extra value read by <paramref name="readExtra"/>, then every product with its retourcodes.
    /// Person data in between (Geslacht, Naam, contact data) is checked for order and skipped.
    /// </summary>
    protected ClientWithProducts<T> ReadClientWithProducts<T>(
        MessageCursor cursor,
        List<KeyValuePair<string, IReadOnlyList<string>>>? map,
        string listName,
        ElementSequence list,
        ElementSequence product,
        Func<MessageCursor, T> readProduct,
        Func<MessageCursor, string?>? readExtra = null)
    {
        var bsn = cursor.Bsn("Bsn");
        var geboortedatum = BasisschemaTypes.ReadGeboortedatum(cursor);
        var extra = readExtra?.Invoke(cursor);
        var products = new List<T>();
        if (cursor.Begin(listName, list))
        {
            // A product list has one repeating child: StartProducten holds StartProduct.
            while (cursor.Begin(list[0].Name, product))
            {
                products.Add(readProduct(cursor));
                ReadRetourCodes(cursor, map);
                cursor.End();
            }
            cursor.End();
        }
        ReadRetourCodes(cursor, map);
        return new ClientWithProducts<T>(bsn ?? default, geboortedatum ?? default, extra, products);
    }

    /// <summary>
    /// Writes a Client with a list of products: Bsn, Geboortedatum, placeholders for the person data the model does not
    /// keep, whatever <paramref name="writeBeforeProducts"/> adds, then every product (its children by
    /// <paramref name="writeProduct"/>) with the retourcodes of a retour.
    /// </summary>
    protected void WriteClientWithProducts<T>(
        MessageXmlWriter writer,
        Bsn bsn,
        DateOnly geboortedatum,
        string listName,
        ElementSequence list,
        IReadOnlyList<T> products,
        Action<T, int> writeProduct,
        RetourCodeMap? map,
        Action? writeBeforeProducts = null)
    {
        var productName = list[0].Name;
        writer.Start("Client");
        writer.Value("Bsn", bsn.RevealForPseudonymisation());
        BasisschemaTypes.WriteGeboortedatum(writer, geboortedatum);
        BasisschemaTypes.WriteGeslachtEnNaam(writer);
        writeBeforeProducts?.Invoke();
        writer.Start(listName);
        for (var i = 0; i < products.Count; i++)
        {
            writer.Start(productName);
            writeProduct(products[i], i);
            WriteRetourCodes(writer, map, $"/Bericht/Client/{listName}/{productName}[{Invariant(i + 1)}]");
            writer.End();
        }
        writer.End();
        WriteRetourCodes(writer, map, "/Bericht/Client");
        writer.End();
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

    /// <summary>What <see cref="ReadClientWithProducts{T}"/> read.</summary>
    protected readonly record struct ClientWithProducts<T>(Bsn Bsn, DateOnly Geboortedatum, string? Extra, List<T> Products);

    protected static string Invariant(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
