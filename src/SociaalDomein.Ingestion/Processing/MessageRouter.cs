using Microsoft.Extensions.Logging;
using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Validation;
using SociaalDomein.Monitoring.Ingestion;
using SociaalDomein.Monitoring.Signals;

namespace SociaalDomein.Ingestion.Processing;

/// <summary>Sends a parsed message to the handler registered for its type, and records what the within-message rules found.</summary>
public sealed class MessageRouter
{
    private readonly Dictionary<Type, IMessageHandler> _handlers;
    private readonly ISignalStore _signals;
    private readonly ILogger<MessageRouter> _logger;

    public MessageRouter(IEnumerable<IMessageHandler> handlers, ISignalStore signals, ILogger<MessageRouter> logger)
    {
        _handlers = handlers.ToDictionary(h => h.MessageType);
        _signals = signals;
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

    /// <summary>
    /// Stores the level-2 findings of a valid message as line signals: the message is accepted and its lines counted,
    /// and each broken rule stays visible on the line it concerns (or on the whole message).
    /// </summary>
    public Task RecordFindingsAsync(IstdMessage message, IReadOnlyList<LineFinding> findings, CancellationToken cancellationToken)
    {
        if (findings.Count == 0) return Task.CompletedTask;
        var allocationOf = message is DeclaratieMessage declaration
            ? declaration.Lines.GroupBy(l => l.Prestatie.ReferentieNummer).ToDictionary(g => g.Key, g => g.First().Prestatie.ToewijzingNummer)
            : new Dictionary<string, long>();
        var messageId = message.Key.ToString();
        var signals = findings.Select(f =>
        {
            var isLine = allocationOf.TryGetValue(f.Line, out var toewijzing);
            if (!isLine) toewijzing = long.TryParse(f.Line, out var number) ? number : 0;
            return new LineSignal(message.Standard, message.MunicipalityCode, message.ProviderAgb, isLine ? f.Line : "", toewijzing,
                f.Rule, $"{f.Path}: {f.Explanation}", messageId);
        }).ToList();
        return _signals.RecordMessageFindingsAsync(signals, cancellationToken);
    }
}
