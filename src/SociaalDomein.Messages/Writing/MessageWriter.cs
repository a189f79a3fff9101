using System.Text;
using System.Xml;
using SociaalDomein.Messages.Formats;
using SociaalDomein.Messages.Model;

namespace SociaalDomein.Messages.Writing;

/// <summary>
/// Writes a model message as iJw/iWmo XML (UTF-8, schema order, the release's namespaces taken from the header's
/// BerichtVersie/BerichtSubversie), for the data generator and tests. It writes what it is given: business rules and
/// value formats are checked by <see cref="Reading.MessageReader"/>, not here.
/// </summary>
public static class MessageWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        CloseOutput = false,
    };

    /// <summary>The message as UTF-8 XML bytes.</summary>
    /// <exception cref="ArgumentException">The message type or release has no format, or the model cannot be expressed in it.</exception>
    public static byte[] Write(IstdMessage message)
    {
        using var buffer = new MemoryStream();
        Write(message, buffer);
        return buffer.ToArray();
    }

    /// <summary>Writes the message as UTF-8 XML to <paramref name="destination"/>, which stays open.</summary>
    /// <exception cref="ArgumentException">The message type or release has no format, or the model cannot be expressed in it.</exception>
    public static void Write(IstdMessage message, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(destination);
        var release = new Release(message.Header.BerichtVersie, message.Header.BerichtSubversie);
        if (!MessageFormats.TryGetByType(message.Standard, message.Type, release, out var binding))
        {
            var releases = string.Join(", ", MessageFormats.ReleasesOf(message.Standard, message.Type));
            throw new ArgumentException(releases.Length == 0
                ? $"There is no format for {message.Standard} {(int)message.Type}."
                : $"{message.Standard} {(int)message.Type} can be written in release {releases}, not {release}.", nameof(message));
        }

        using var xml = XmlWriter.Create(destination, Settings);
        var writer = new MessageXmlWriter(xml, binding);
        xml.WriteStartDocument();
        writer.StartRoot();
        binding.Format.Write(writer, message);
        writer.End();
        xml.WriteEndDocument();
    }
}
