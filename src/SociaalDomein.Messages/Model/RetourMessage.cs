namespace SociaalDomein.Messages.Model;

/// <summary>
/// A retour message (302, 304, 306, 308, 316, 318, 320): the receiver's verdict on a heen message. It repeats the heen
/// message's header (Afzender, Ontvanger and BerichtIdentificatie of the original) and body, and adds its own identity
/// and retourcodes per class.
/// </summary>
public abstract record RetourMessage(Standard Standard, MessageType Type, MessageHeader Header, RetourHeader Retour, RetourCodeMap RetourCodes)
    : IstdMessage(Standard, Type, Header)
{
    /// <summary>The copied header names the original's sender as Afzender: the receiver of this retour.</summary>
    protected override bool HeaderAfzenderIsMunicipality => !SentByMunicipality;

    /// <summary>The message type this retour answers (301 for a 302, ...).</summary>
    public MessageType OriginalType => (MessageType)((int)Type - 1);

    /// <summary>Identity of the heen message this retour answers: its sender and BerichtIdentificatie, as copied in the header.</summary>
    public MessageKey OriginalMessageKey => new(Standard, OriginalType, Header.Afzender, Header.Identificatie);

    /// <summary>The retour's own identity: its real sender and IdentificatieRetour.</summary>
    public override MessageKey Key => new(Standard, Type, SenderCode, Retour.IdentificatieRetour);
}

/// <summary>What a retour message adds to the copied header.</summary>
/// <param name="IdentificatieRetour">Identity of the retour message itself, 1–12 characters.</param>
/// <param name="DagtekeningRetour">The day the retour was made.</param>
/// <param name="XsltVersie">Version of the checks applied to the heen message, when given.</param>
/// <param name="XsdVersieRetour">XSD versions used for the retour (absent in the 2.x releases).</param>
/// <param name="RetourCodes">Retourcodes on the header: the verdict on the message as a whole (e.g. 0001 rejected for technical reasons).</param>
public sealed record RetourHeader(
    string IdentificatieRetour,
    DateOnly DagtekeningRetour,
    string? XsltVersie,
    XsdVersie? XsdVersieRetour,
    IReadOnlyList<string> RetourCodes);

/// <summary>The XSD versions a message was made with (element XsdVersie and its retour counterparts).</summary>
public sealed record XsdVersie(string BasisschemaXsdVersie, string BerichtXsdVersie);

/// <summary>Identity of a message as named by another (BerichtIdentificatie, DeclaratieIdentificatie).</summary>
public sealed record MessageIdentity(string Identificatie, DateOnly Dagtekening);

/// <summary>
/// The retourcodes of a retour message per class, keyed by the element path of that class as the reader reports paths,
/// e.g. <c>/Bericht/Client</c> or <c>/Bericht/Client/StartProducten/StartProduct[2]</c>. Classes appear in document order.
/// </summary>
public sealed class RetourCodeMap
{
    public static readonly RetourCodeMap Empty = new([]);

    private readonly IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> _entries;
    private readonly Dictionary<string, IReadOnlyList<string>> _byPath;

    public RetourCodeMap(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> entries)
    {
        _entries = entries.ToArray();
        _byPath = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (path, codes) in _entries) _byPath[path] = codes;
    }

    /// <summary>Every class with its codes, in document order.</summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Entries => _entries;

    /// <summary>The codes of the class at <paramref name="path"/>; empty when the class has none.</summary>
    public IReadOnlyList<string> For(string path) => _byPath.TryGetValue(path, out var codes) ? codes : [];

    /// <summary>Equal when every class has the same codes in the same order; the order of the classes does not matter.</summary>
    public override bool Equals(object? obj) =>
        obj is RetourCodeMap other && _byPath.Count == other._byPath.Count
        && _byPath.All(e => other._byPath.TryGetValue(e.Key, out var codes) && e.Value.SequenceEqual(codes));

    public override int GetHashCode() => _byPath.Count;

    public override string ToString() => string.Join("; ", _entries.Select(e => $"{e.Key}: {string.Join(",", e.Value)}"));
}
