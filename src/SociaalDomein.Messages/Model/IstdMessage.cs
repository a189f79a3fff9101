namespace SociaalDomein.Messages.Model;

/// <summary>A parsed iJw/iWmo message: what every message type has in common.</summary>
public abstract record IstdMessage(Standard Standard, MessageType Type, MessageHeader Header)
{
    /// <summary>True when the municipality sends this message type (301, 306, ...); the direction comes from the type, never from the header.</summary>
    public abstract bool SentByMunicipality { get; }

    /// <summary>
    /// True when <see cref="MessageHeader.Afzender"/> is the municipality. For a heen message that is the sender; a retour
    /// message copies the header of the message it answers, so there it is the other way round.
    /// </summary>
    protected virtual bool HeaderAfzenderIsMunicipality => SentByMunicipality;

    /// <summary>The CBS municipality code ("0268" for Nijmegen).</summary>
    public string MunicipalityCode => HeaderAfzenderIsMunicipality ? Header.Afzender : Header.Ontvanger;

    /// <summary>The provider's AGB code (8 digits).</summary>
    public string ProviderAgb => HeaderAfzenderIsMunicipality ? Header.Ontvanger : Header.Afzender;

    /// <summary>Who sent this message: the municipality code or the provider's AGB code.</summary>
    public string SenderCode => SentByMunicipality ? MunicipalityCode : ProviderAgb;

    /// <summary>Identity of the message: a resent message with the same identity must not count twice.</summary>
    public virtual MessageKey Key => new(Standard, Type, Header.Afzender, Header.Identificatie);
}

/// <summary>Unique identity of a message: (standard, type, sender, BerichtIdentificatie).</summary>
public readonly record struct MessageKey(Standard Standard, MessageType Type, string Sender, string Identificatie)
{
    public override string ToString() => $"{Standard.Code()}:{(int)Type}:{Sender}:{Identificatie}";
}
