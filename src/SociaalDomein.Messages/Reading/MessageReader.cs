using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Xml;
using SociaalDomein.Messages.Formats;
using SociaalDomein.Messages.Model;

namespace SociaalDomein.Messages.Reading;

/// <summary>
/// Reads one iJw/iWmo message from XML into the model, streaming, and refuses anything that is not a well-formed,
/// known message with an <see cref="InvalidMessageException"/> naming element paths and rule codes (<see cref="RuleCodes"/>).
/// </summary>
/// <remarks>
/// Two levels of validation happen here. Level 1, structure, is what the standard's XSDs express: required elements, order,
/// namespaces, types, lengths, patterns and code lists, plus whatever makes the message unidentifiable (an unknown or
/// contradictory namespace/BerichtCode, a BSN that fails the elfproef and so cannot key the client). Release 3.x forbids
/// exchanging such messages, so they are refused whole: <see cref="InvalidMessageException"/>, the dead-letter topic.
/// Level 2, rules within a valid message (amount = volume × tariff, totals, periods, credits, Omvang xor Budget), is checked
/// by <see cref="ReadAndValidate"/> and reported per line as <see cref="Validation.LineFinding"/>: the message is accepted
/// and the backoffice decides per line, as a municipality does with retourcodes in its 325.
/// </remarks>
/// <remarks>
/// The message type comes from the root namespace (standard, release and message) and must agree with the header's
/// BerichtCode. DTDs are refused and nothing external is ever resolved. Thread-safe: no shared mutable state.
/// </remarks>
public static class MessageReader
{
    /// <summary>The standard's maximum file size, 25 MB; larger input is refused before parsing.</summary>
    public const int MaxMessageBytes = 25 * 1024 * 1024;

    /// <summary>Maximum element nesting; real messages stay under 10 levels.</summary>
    public const int MaxDepth = 32;

    /// <summary>Maximum number of elements; a full 25 MB declaration has well under a million.</summary>
    public const int MaxElements = 2_000_000;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = MaxMessageBytes,
        MaxCharactersFromEntities = 1024,
        CloseInput = false,
        CheckCharacters = true,
        ValidationType = ValidationType.None,
    };

    /// <summary>Reads a message held in memory (a Kafka record value, a file's bytes).</summary>
    /// <param name="source">File name or Kafka topic/partition/offset, used in error messages.</param>
    /// <exception cref="InvalidMessageException">The message is refused; see <see cref="InvalidMessageException.Errors"/>.</exception>
    public static IstdMessage Read(ReadOnlyMemory<byte> xml, string source)
    {
        if (xml.Length > MaxMessageBytes) throw TooLarge(source, xml.Length);
        var stream = MemoryMarshal.TryGetArray(xml, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(xml.ToArray(), writable: false);
        return ReadCore(stream, source);
    }

    /// <summary>
    /// Reads a message and checks the rules within it (validation level 2). Structure errors refuse the whole message as
    /// <see cref="Read(ReadOnlyMemory{byte}, string)"/> does; rule violations come back as findings beside the message.
    /// </summary>
    /// <param name="source">File name or Kafka topic/partition/offset, used in errors and findings.</param>
    /// <exception cref="InvalidMessageException">The message is refused; see <see cref="InvalidMessageException.Errors"/>.</exception>
    public static MessageReadResult ReadAndValidate(ReadOnlyMemory<byte> xml, string source)
    {
        var message = Read(xml, source);
        return new MessageReadResult(source, message, Validation.MessageRules.Check(message, source));
    }

    /// <summary>
    /// Reads a message from a stream, stopping as soon as it passes <see cref="MaxMessageBytes"/>. The stream is not
    /// closed. Failures of the stream itself (e.g. <see cref="IOException"/>) are not message errors and propagate.
    /// </summary>
    /// <exception cref="InvalidMessageException">The message is refused; see <see cref="InvalidMessageException.Errors"/>.</exception>
    public static IstdMessage Read(Stream xml, string source)
    {
        ArgumentNullException.ThrowIfNull(xml);
        if (xml.CanSeek && xml.Length - xml.Position > MaxMessageBytes) throw TooLarge(source, xml.Length - xml.Position);
        return ReadCore(new SizeLimitedStream(xml, MaxMessageBytes), source);
    }

    private static IstdMessage ReadCore(Stream stream, string source)
    {
        var errors = new List<ValidationError>();
        MessageCursor? cursor = null;
        try
        {
            using var reader = XmlReader.Create(stream, Settings);
            cursor = new MessageCursor(reader, errors);
            var message = ReadMessage(reader, cursor);
            if (errors.Count == 0) return message;
        }
        catch (MessageAbortedException)
        {
            // The reason is already in the list.
        }
        catch (MessageTooLargeException tooLarge)
        {
            throw TooLarge(source, tooLarge.BytesRead, "more than ");
        }
        catch (XmlException e)
        {
            errors.Insert(0, new ValidationError(cursor?.CurrentPath ?? "/", RuleCodes.Xml, ExplainXml(e)));
        }
        catch (Exception e) when (e is DecoderFallbackException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            // XmlReader reports a few malformed inputs (broken encodings, odd declarations) with these types:
            // for the caller they are all "not readable XML".
            errors.Insert(0, new ValidationError(cursor?.CurrentPath ?? "/", RuleCodes.Xml,
                "The message could not be read as XML: " + Redaction.MaskDigitRuns(e.Message)));
        }
        throw new InvalidMessageException(source, errors);
    }

    private static IstdMessage ReadMessage(XmlReader reader, MessageCursor cursor)
    {
        if (reader.MoveToContent() != XmlNodeType.Element)
        {
            cursor.Fatal(null, RuleCodes.Xml, "The message contains no XML element.");
        }
        if (!string.Equals(reader.LocalName, "Bericht", StringComparison.Ordinal))
        {
            var shown = Redaction.MaskDigitRuns(reader.LocalName);
            cursor.Fatal(shown, RuleCodes.UnknownMessage, $"The root element is '{shown}'; an iJw/iWmo message starts with 'Bericht'.");
        }
        if (!MessageFormats.TryGetByNamespace(reader.NamespaceURI, out var binding))
        {
            cursor.Fatal("Bericht", RuleCodes.UnknownMessage, MessageFormats.ExplainUnknownNamespace(reader.NamespaceURI));
        }

        cursor.BeginRoot(binding.Format.RootChildren, binding.MessageNamespace, binding.BasisschemaNamespace);
        var message = binding.Format.Read(cursor, binding);
        cursor.EndRoot();
        return message;
    }

    private static string ExplainXml(XmlException e)
    {
        // .NET's DTD message advises developers to enable DTDs; the employee needs to know only that it is refused.
        if (e.Message.Contains("DTD", StringComparison.Ordinal))
        {
            return "The message contains a document type declaration (DTD); DTDs and entities are refused for safety.";
        }
        // XmlException messages name tokens and positions, but mask digit runs anyway: a BSN must never leak.
        return "The message is not well-formed XML: " + Redaction.MaskDigitRuns(e.Message);
    }

    private static InvalidMessageException TooLarge(string source, long bytes, string qualifier = "") =>
        new(source, [new ValidationError("/", RuleCodes.Size, string.Create(CultureInfo.InvariantCulture,
            $"The message is {qualifier}{bytes:N0} bytes; the standard allows at most 25 MB ({MaxMessageBytes:N0} bytes)."))]);
}
