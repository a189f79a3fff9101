namespace SociaalDomein.Messages.Model;

/// <summary>
/// The functional message number shared by iJw and iWmo (301, 323, ...). The per-standard BerichtCode
/// (e.g. JW301 = 436) is mapped to this by each message format.
/// </summary>
public enum MessageType
{
    Toewijzing301 = 301,
    Declaratie323 = 323,
}
