using Microsoft.Extensions.Logging;
using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Ingestion;

namespace SociaalDomein.Ingestion.Processing;

/// <summary>Sends a parsed message to the handler registered for its type.</summary>
public sealed class MessageRouter
{
    private readonly Dictionary<Type, IMessageHandler> _handlers;
    private readonly ILogger<MessageRouter> _logger;

    public MessageRouter(IEnumerable<IMessageHandler> handlers, ILogger<MessageRouter> logger)
    {
        _handlers = handlers.ToDictionary(h => h.MessageType);
        _logger = logger;
    }

    /// <returns>The number of lines applied; 0 for a message kind that nothing monitors yet (it is still logged as accepted).</returns>
    public Task<int> RouteAsync(IstdMessage message, SourcePosition source, CancellationToken cancellationToken)
    {
        if (_handlers.TryGetValue(message.GetType(), out var handler))
            return handler.HandleAsync(message, source, cancellationToken);

        _logger.LogInformation("Message {MessageId} ({Type}) at {Source} is valid; no monitoring uses this message type yet",
            message.Key.ToString(), message.Type, source.ToString());
        return Task.FromResult(0);
    }
}
