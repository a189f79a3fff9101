using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Ingestion;

namespace SociaalDomein.Ingestion.Processing;

/// <summary>Applies one kind of parsed message to the grains. One file per message kind.</summary>
public interface IMessageHandler
{
    /// <summary>The model type this handler takes, e.g. <see cref="DeclaratieMessage"/>.</summary>
    Type MessageType { get; }

    /// <summary>
    /// Applies the message; returns when everything it changed is durable. Must be idempotent: the same message may
    /// arrive again after a crash or be resent by its sender. Returns the number of lines the message carried.
    /// </summary>
    Task<int> HandleAsync(IstdMessage message, SourcePosition source, CancellationToken cancellationToken);
}

/// <summary>Typed base for handlers.</summary>
public abstract class MessageHandler<TMessage> : IMessageHandler where TMessage : IstdMessage
{
    public Type MessageType => typeof(TMessage);

    public Task<int> HandleAsync(IstdMessage message, SourcePosition source, CancellationToken cancellationToken) =>
        HandleAsync((TMessage)message, source, cancellationToken);

    protected abstract Task<int> HandleAsync(TMessage message, SourcePosition source, CancellationToken cancellationToken);
}
