namespace SociaalDomein.Messages.Reading;

/// <summary>
/// Unwinds the parse when reading cannot go on (size limits, wrong message type, too many errors).
/// The reason is already in the error list; <see cref="MessageReader"/> turns this into an <see cref="InvalidMessageException"/>.
/// </summary>
internal sealed class MessageAbortedException : Exception
{
    public MessageAbortedException() : base("Reading the message was stopped; see the validation errors.")
    {
    }
}
