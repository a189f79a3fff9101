namespace SociaalDomein.Messages.Reading;

/// <summary>
/// The children of one complex type in schema order (an xs:sequence), with their namespace and cardinality.
/// The cursor uses it to tell a missing element from an unknown or misplaced one while streaming.
/// </summary>
internal sealed class ElementSequence
{
    private readonly ElementSlot[] _slots;
    private string? _orderText;

    public ElementSequence(params ElementSlot[] slots) => _slots = slots;

    /// <summary>
    /// The sequence of a class that a retour message repeats: the same children followed by a required RetourCodes
    /// (in the message namespace), when <paramref name="retour"/> is true.
    /// </summary>
    public static ElementSequence Class(bool retour, params ElementSlot[] slots) =>
        new(retour ? [.. slots, ElementSlot.Required("RetourCodes")] : slots);

    public int Count => _slots.Length;

    public ref readonly ElementSlot this[int index] => ref _slots[index];

    /// <summary>Position of a child by local name, or -1 when the name is not part of this type.</summary>
    public int IndexOf(string localName)
    {
        var slots = _slots;
        for (var i = 0; i < slots.Length; i++)
        {
            if (string.Equals(slots[i].Name, localName, StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    /// <summary>Position of a child a format asks for; a name not declared here is a programming error in the format.</summary>
    public int SlotOf(string localName)
    {
        var index = IndexOf(localName);
        return index >= 0
            ? index
            : throw new System.Diagnostics.UnreachableException($"'{localName}' is not declared in this element sequence.");
    }

    /// <summary>"Header, Client" — used in explanations only.</summary>
    public string OrderText => _orderText ??= string.Join(", ", _slots.Select(s => s.Name));
}

/// <summary>One child in an <see cref="ElementSequence"/>.</summary>
/// <param name="InBasisschema">True for children of basisschema types (Identificatie, Begindatum, Bedrag, ...).</param>
internal readonly record struct ElementSlot(string Name, bool InBasisschema, bool IsRequired, bool Repeats)
{
    /// <summary>Exactly once, message namespace.</summary>
    public static ElementSlot Required(string name) => new(name, false, true, false);

    /// <summary>At most once, message namespace.</summary>
    public static ElementSlot Optional(string name) => new(name, false, false, false);

    /// <summary>One or more, message namespace.</summary>
    public static ElementSlot OneOrMore(string name) => new(name, false, true, true);

    /// <summary>Exactly once, basisschema namespace.</summary>
    public static ElementSlot BasisRequired(string name) => new(name, true, true, false);

    /// <summary>At most once, basisschema namespace.</summary>
    public static ElementSlot BasisOptional(string name) => new(name, true, false, false);
}
