using System.Globalization;
using System.Xml;
using SociaalDomein.Messages.Formats;
using SociaalDomein.Messages.Model;

namespace SociaalDomein.Messages.Writing;

/// <summary>
/// Thin layer over <see cref="XmlWriter"/> that knows the two namespaces of a message: elements of the message schema
/// and children of basisschema types. Values are written in the standard's lexical forms.
/// </summary>
internal sealed class MessageXmlWriter
{
    private readonly XmlWriter _writer;
    private readonly string _messageNamespace;
    private readonly string _messagePrefix;
    private readonly string _basisNamespace;
    private readonly string _basisPrefix;
    private readonly char[] _scratch = new char[32];

    public MessageXmlWriter(XmlWriter writer, FormatBinding binding)
    {
        _writer = writer;
        _messageNamespace = binding.MessageNamespace;
        _messagePrefix = binding.Format.SchemaName;
        _basisNamespace = binding.BasisschemaNamespace;
        _basisPrefix = binding.Format.Standard.Code();
    }

    /// <summary>Opens Bericht and declares both prefixes on it, as the standard's examples do.</summary>
    public void StartRoot()
    {
        _writer.WriteStartElement(_messagePrefix, "Bericht", _messageNamespace);
        _writer.WriteAttributeString("xmlns", _basisPrefix, null, _basisNamespace);
    }

    /// <summary>Opens an element of the message schema.</summary>
    public void Start(string name) => _writer.WriteStartElement(_messagePrefix, name, _messageNamespace);

    /// <summary>Opens a child of a basisschema type (e.g. Geslachtsnaam inside Naam).</summary>
    public void StartBasis(string name) => _writer.WriteStartElement(_basisPrefix, name, _basisNamespace);

    public void End() => _writer.WriteEndElement();

    public void Value(string name, string value) => Leaf(_messagePrefix, _messageNamespace, name, value);

    public void Value(string name, long value) => Leaf(_messagePrefix, _messageNamespace, name, value);

    public void Value(string name, DateOnly value) => Leaf(_messagePrefix, _messageNamespace, name, value);

    public void Value(string name, TimeOnly value)
    {
        // Whole seconds as HH:mm:ss; a fraction only when there is one (still a valid xs:time).
        var format = value.Ticks % TimeSpan.TicksPerSecond == 0 ? "HH:mm:ss" : "HH:mm:ss.FFFFFFF";
        _writer.WriteStartElement(_messagePrefix, name, _messageNamespace);
        value.TryFormat(_scratch, out var written, format, CultureInfo.InvariantCulture);
        _writer.WriteChars(_scratch, 0, written);
        _writer.WriteEndElement();
    }

    /// <summary>RetourCodes with one RetourCode per code (both in the message namespace).</summary>
    public void RetourCodes(IReadOnlyList<string> codes)
    {
        Start("RetourCodes");
        foreach (var code in codes) Value("RetourCode", code);
        End();
    }

    public void BasisValue(string name, string value) => Leaf(_basisPrefix, _basisNamespace, name, value);

    public void BasisValue(string name, long value) => Leaf(_basisPrefix, _basisNamespace, name, value);

    public void BasisValue(string name, DateOnly value) => Leaf(_basisPrefix, _basisNamespace, name, value);

    private void Leaf(string prefix, string ns, string name, string value)
    {
        _writer.WriteStartElement(prefix, name, ns);
        _writer.WriteString(value);
        _writer.WriteEndElement();
    }

    private void Leaf(string prefix, string ns, string name, long value)
    {
        _writer.WriteStartElement(prefix, name, ns);
        value.TryFormat(_scratch, out var written, default, CultureInfo.InvariantCulture);
        _writer.WriteChars(_scratch, 0, written);
        _writer.WriteEndElement();
    }

    private void Leaf(string prefix, string ns, string name, DateOnly value)
    {
        _writer.WriteStartElement(prefix, name, ns);
        value.TryFormat(_scratch, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        _writer.WriteChars(_scratch, 0, written);
        _writer.WriteEndElement();
    }
}
