using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Xml;
using SociaalDomein.Messages.Model;

namespace SociaalDomein.Messages.Reading;

/// <summary>
/// A forward-only walk over one message on top of <see cref="XmlReader"/>: message formats ask for children by name in
/// schema order and get typed values back; the cursor checks names, order, namespaces and cardinality against an
/// <see cref="ElementSequence"/>, collects errors with their element path, and enforces the size limits.
/// </summary>
/// <remarks>
/// Invariant between calls: the reader sits on the next significant node inside the current element
/// (a child's start tag, or the current element's end tag). Values are read into one reusable buffer; short codes
/// are atomised through the reader's name table, so a code that repeats on every line is allocated once per message.
/// </remarks>
internal sealed class MessageCursor
{
    private const int MaxErrors = 50;
    private const int MaxValueChars = 4096;

    private readonly XmlReader _reader;
    private readonly List<ValidationError> _errors;
    private readonly Frame[] _frames = new Frame[MessageReader.MaxDepth + 1];
    private int _frameCount;
    private char[] _text = new char[128];
    private int _elementCount;
    private string _messageNamespace = "";
    private string _basisNamespace = "";

    public MessageCursor(XmlReader reader, List<ValidationError> errors)
    {
        _reader = reader;
        _errors = errors;
    }

    /// <summary>Path of the element being read, e.g. <c>/Bericht/Declaratie/Clienten/Client[2]</c>.</summary>
    public string CurrentPath => BuildPath(null);

    private ref Frame Top => ref _frames[_frameCount - 1];

    // ---------------------------------------------------------------- structure

    /// <summary>Starts reading the root element the reader is positioned on.</summary>
    public void BeginRoot(ElementSequence children, string messageNamespace, string basisNamespace)
    {
        // The reader atomises namespace URIs in its name table: comparing against the same instances is a reference check.
        _messageNamespace = _reader.NameTable.Add(messageNamespace);
        _basisNamespace = _reader.NameTable.Add(basisNamespace);
        _elementCount = 1;
        Push(_reader.LocalName, 0, children);
    }

    /// <summary>Finishes the root element and reads on to the end of the input, so trailing garbage is caught.</summary>
    public void EndRoot()
    {
        End();
        while (_reader.Read())
        {
        }
    }

    /// <summary>
    /// Moves into the child element <paramref name="name"/> of the current element, if present.
    /// Returns false when it is absent (a missing required child is reported by the cursor, not by the caller).
    /// Call <see cref="End"/> after reading its children. Call in a loop for repeating children.
    /// </summary>
    public bool Begin(string name, ElementSequence children)
    {
        ref var parent = ref Top;
        var slot = parent.Children.SlotOf(name);
        if (!Seek(slot)) return false;
        var index = parent.Children[slot].Repeats ? parent.PositionCount : 0;
        Push(name, index, children);
        return true;
    }

    /// <summary>Leaves the current element: reports leftover and missing children and moves to its next sibling.</summary>
    public void End()
    {
        Seek(int.MaxValue);
        ref var frame = ref Top;
        ReportMissing(ref frame, frame.Children.Count);
        _frameCount--;
        ReadNode();
        if (_frameCount > 0) SkipInsignificant();
    }

    /// <summary>Records an error about a child of the current element (or the element itself when <paramref name="child"/> is null).</summary>
    public void Error(string? child, string rule, string explanation)
    {
        _errors.Add(new ValidationError(BuildPath(child), rule, explanation));
        if (_errors.Count >= MaxErrors) throw new MessageAbortedException();
    }

    /// <summary>Records an error that makes reading on pointless and stops; it becomes the first error.</summary>
    [DoesNotReturn]
    public void Fatal(string? child, string rule, string explanation)
    {
        _errors.Insert(0, new ValidationError(BuildPath(child), rule, explanation));
        throw new MessageAbortedException();
    }

    // ---------------------------------------------------------------- typed values

    /// <summary>Free text of <paramref name="minLength"/>..<paramref name="maxLength"/> characters (trimmed); null when absent or invalid.</summary>
    public string? Text(string name, int minLength, int maxLength)
    {
        if (!TryReadValue(name, out var start, out var length)) return null;
        if (length < minLength || length > maxLength)
        {
            Error(name, RuleCodes.Length, length == 0
                ? Invariant($"'{name}' is empty; it must hold {minLength} to {maxLength} characters.")
                : Invariant($"'{name}' has {length} characters; the standard allows {minLength} to {maxLength}."));
            return null;
        }
        return new string(_text, start, length);
    }

    /// <summary>A code of exactly <paramref name="count"/> digits, leading zeros kept ("0268", "04").</summary>
    public string? Digits(string name, int count, string description)
    {
        if (!TryReadValue(name, out var start, out var length)) return null;
        var value = _text.AsSpan(start, length);
        if (length != count || value.ContainsAnyExceptInRange('0', '9'))
        {
            Error(name, RuleCodes.Code, $"{Redaction.Quote(value)} is not a valid {name}: expected {description}.");
            return null;
        }
        return Atomise(start, length);
    }

    /// <summary>A code or identifier of ASCII letters and digits, <paramref name="minLength"/>..<paramref name="maxLength"/> long.</summary>
    public string? AlphaNumeric(string name, int minLength, int maxLength, string description)
    {
        if (!TryReadValue(name, out var start, out var length)) return null;
        var value = _text.AsSpan(start, length);
        if (length < minLength || length > maxLength || !IsAsciiLettersOrDigits(value))
        {
            Error(name, RuleCodes.Code, length == 0
                ? $"'{name}' is empty: expected {description}."
                : $"{Redaction.Quote(value)} is not a valid {name}: expected {description}.");
            return null;
        }
        return length <= 12 ? Atomise(start, length) : new string(value);
    }

    /// <summary>An xs:integer within <paramref name="min"/>..<paramref name="max"/>.</summary>
    public long? Integer(string name, long min, long max, string description)
    {
        if (!TryReadValue(name, out var start, out var length)) return null;
        var value = _text.AsSpan(start, length);
        if (!TryParseInteger(value, out var number))
        {
            Error(name, RuleCodes.Type, $"{Redaction.Quote(value)} is not a whole number; {name} must be {description}.");
            return null;
        }
        if (number < min || number > max)
        {
            Error(name, RuleCodes.Type, $"{Redaction.Quote(value)} is out of range; {name} must be {description}.");
            return null;
        }
        return number;
    }

    /// <summary>An xs:date without time zone, written YYYY-MM-DD.</summary>
    public DateOnly? Date(string name)
    {
        if (!TryReadValue(name, out var start, out var length)) return null;
        var value = _text.AsSpan(start, length);
        if (TryParseDate(value, out var date)) return date;
        var hasZone = length > 10 && TryParseDate(value[..10], out _);
        Error(name, RuleCodes.Type, hasZone
            ? $"{Redaction.Quote(value)} carries a time zone; {name} must be a plain date written as YYYY-MM-DD, e.g. 2025-04-30."
            : $"{Redaction.Quote(value)} is not a valid date; {name} must be written as YYYY-MM-DD, e.g. 2025-04-30.");
        return null;
    }

    /// <summary>An xs:time without time zone, written HH:MM:SS (fractions of a second allowed).</summary>
    public TimeOnly? Time(string name)
    {
        if (!TryReadValue(name, out var start, out var length)) return null;
        var value = _text.AsSpan(start, length);
        if (TryParseTime(value, out var time)) return time;
        Error(name, RuleCodes.Type, $"{Redaction.Quote(value)} is not a valid time; {name} must be written as HH:MM:SS without time zone, e.g. 14:30:00.");
        return null;
    }

    /// <summary>"D" (debet, adds) or "C" (credit, subtracts).</summary>
    public DebetCredit? DebetCredit(string name)
    {
        if (!TryReadValue(name, out var start, out var length)) return null;
        var value = _text.AsSpan(start, length);
        if (value is "D") return Model.DebetCredit.Debet;
        if (value is "C") return Model.DebetCredit.Credit;
        Error(name, RuleCodes.Code, $"{Redaction.Quote(value)} is not a valid {name}: expected D (debit) or C (credit).");
        return null;
    }

    /// <summary>A BSN of 9 digits that passes the elfproef. The value never appears in an explanation.</summary>
    public Bsn? Bsn(string name)
    {
        if (!TryReadValue(name, out var start, out var length)) return null;
        var value = _text.AsSpan(start, length);
        if (length == 9 && !value.ContainsAnyExceptInRange('0', '9') && Model.Bsn.TryCreate(new string(value), out var bsn))
        {
            return bsn;
        }
        Error(name, RuleCodes.Bsn,
            "The BSN is not a valid citizen service number: it must be 9 digits and pass the elfproef (eleven test). " +
            "The value is not repeated here because it is personal data.");
        return null;
    }

    /// <summary>A code that must be in <paramref name="list"/> (an enumeration in the standard's XSD).</summary>
    public string? Code(string name, Codes.CodeList list)
    {
        if (!TryReadValue(name, out var start, out var length)) return null;
        var value = _text.AsSpan(start, length);
        if (list.TryGet(value, out var listed)) return listed;
        Error(name, RuleCodes.Code, length == 0
            ? $"'{name}' is empty: expected a code of list {list.Id} ({list.Summary})."
            : $"{Redaction.Quote(value)} is not a valid {name}: expected a code of list {list.Id} ({list.Summary}).");
        return null;
    }

    private static readonly ElementSequence RetourCodeSequence = new(ElementSlot.OneOrMore("RetourCode"));

    /// <summary>
    /// The child RetourCodes with its RetourCode elements (4 letters or digits, e.g. 0200, 8001, S300); empty when absent.
    /// A missing required RetourCodes is reported by the cursor like any missing element.
    /// </summary>
    public IReadOnlyList<string> RetourCodes(string name = "RetourCodes")
    {
        if (!Begin(name, RetourCodeSequence)) return [];
        var codes = new List<string>(1);
        while (TryReadValue("RetourCode", out var start, out var length))
        {
            var value = _text.AsSpan(start, length);
            if (length != 4 || !IsAsciiLettersOrDigits(value))
            {
                Error("RetourCode", RuleCodes.Code, $"{Redaction.Quote(value)} is not a valid RetourCode: expected 4 letters or digits, e.g. 0200 or 8001.");
                continue;
            }
            codes.Add(Atomise(start, length));
        }
        End();
        return codes;
    }

    // ---------------------------------------------------------------- the walk

    private void Push(string name, int index, ElementSequence children)
    {
        var empty = _reader.IsEmptyElement;
        _frames[_frameCount++] = new Frame
        {
            Name = name,
            Index = index,
            Children = children,
            Position = -1,
            IsEmpty = empty,
        };
        if (!empty)
        {
            ReadNode();
            SkipInsignificant();
        }
    }

    /// <summary>
    /// Advances to the child in <paramref name="slot"/>: skips children the format does not read, reports unknown and
    /// misplaced ones. Returns false, without consuming it, when the next child belongs to a later slot or the
    /// current element ends.
    /// </summary>
    private bool Seek(int slot)
    {
        ref var frame = ref Top;
        if (frame.IsEmpty) return false;
        var children = frame.Children;
        while (_reader.NodeType == XmlNodeType.Element)
        {
            var localName = _reader.LocalName;
            // Almost always the next element is the one asked for: check that slot before searching the sequence.
            var found = slot < children.Count && string.Equals(children[slot].Name, localName, StringComparison.Ordinal)
                ? slot
                : children.IndexOf(localName);
            if (found < 0)
            {
                var shown = Redaction.MaskDigitRuns(localName); // an unknown name is sender's text: it could hold a BSN
                Error(shown, RuleCodes.Structure,
                    $"'{shown}' does not belong in '{frame.Name}'; the standard allows, in this order: {children.OrderText}.");
                Skip();
                continue;
            }
            if (found < frame.Position || (found == frame.Position && !children[found].Repeats))
            {
                // It was reported missing when a later sibling came first; it is misplaced, not missing.
                if (found < 64 && (frame.ReportedMissing & (1UL << found)) != 0) WithdrawMissing(localName);
                Error(localName, RuleCodes.Structure,
                    $"'{localName}' appears more than once or out of order in '{frame.Name}'; the standard's order is: {children.OrderText}.");
                Skip();
                continue;
            }
            if (found > slot) return false;

            Accept(ref frame, found);
            CheckNamespace(in children[found], localName);
            if (found == slot) return true;
            Skip(); // allowed here, but not used by our model
        }
        return false;
    }

    private void Accept(ref Frame frame, int slot)
    {
        if (slot == frame.Position)
        {
            frame.PositionCount++;
            return;
        }
        ReportMissing(ref frame, slot);
        frame.Position = slot;
        frame.PositionCount = 1;
    }

    /// <summary>Reports required children between the last one seen and <paramref name="upTo"/> (exclusive).</summary>
    private void ReportMissing(ref Frame frame, int upTo)
    {
        var children = frame.Children;
        for (var i = frame.Position + 1; i < upTo; i++)
        {
            if (children[i].IsRequired)
            {
                if (i < 64) frame.ReportedMissing |= 1UL << i;
                Error(children[i].Name, RuleCodes.Required, $"The required element '{children[i].Name}' is missing from '{frame.Name}'.");
            }
        }
    }

    private void WithdrawMissing(string localName)
    {
        var path = BuildPath(localName);
        var index = _errors.FindLastIndex(e => e.Rule == RuleCodes.Required && e.Path == path);
        if (index >= 0) _errors.RemoveAt(index);
    }

    private void CheckNamespace(in ElementSlot slot, string localName)
    {
        var expected = slot.InBasisschema ? _basisNamespace : _messageNamespace;
        var actual = _reader.NamespaceURI;
        if (ReferenceEquals(actual, expected) || string.Equals(actual, expected, StringComparison.Ordinal)) return;
        Error(localName, RuleCodes.Namespace, actual.Length == 0
            ? $"'{localName}' has no XML namespace; it belongs in '{expected}'."
            : $"'{localName}' is in the XML namespace {Redaction.Quote(actual, 200)}; it belongs in '{expected}'.");
    }

    /// <summary>Reads the text of the leaf child <paramref name="name"/> into the buffer, trimmed. False when absent or unreadable.</summary>
    private bool TryReadValue(string name, out int start, out int length)
    {
        start = 0;
        length = 0;
        if (!Seek(Top.Children.SlotOf(name))) return false;

        var used = 0;
        var tooLong = false;
        var holdsElements = false;
        if (_reader.IsEmptyElement)
        {
            ReadNode();
        }
        else
        {
            ReadNode();
            while (_reader.NodeType != XmlNodeType.EndElement)
            {
                switch (_reader.NodeType)
                {
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                    case XmlNodeType.Whitespace:
                    case XmlNodeType.SignificantWhitespace:
                        AppendValue(ref used, ref tooLong);
                        break;
                    case XmlNodeType.Element:
                        if (!holdsElements)
                        {
                            Error(name, RuleCodes.Type, $"'{name}' must hold a value, not further elements.");
                        }
                        holdsElements = true;
                        SkipSubtree();
                        break;
                    case XmlNodeType.None:
                        throw new XmlException("Unexpected end of file.");
                    default:
                        ReadNode();
                        break;
                }
            }
            ReadNode();
        }
        SkipInsignificant();

        if (holdsElements) return false;
        if (tooLong)
        {
            Error(name, RuleCodes.Length, Invariant($"'{name}' is longer than {MaxValueChars} characters."));
            return false;
        }
        var first = 0;
        while (first < used && IsXmlSpace(_text[first])) first++;
        var last = used;
        while (last > first && IsXmlSpace(_text[last - 1])) last--;
        start = first;
        length = last - first;
        return true;
    }

    private void AppendValue(ref int used, ref bool tooLong)
    {
        if (!tooLong)
        {
            if (_reader.CanReadValueChunk)
            {
                while (true)
                {
                    // Keep room for a surrogate pair: ReadValueChunk returns 0 rather than split one.
                    if (_text.Length - used < 2 && !Grow())
                    {
                        tooLong = true;
                        break;
                    }
                    var read = _reader.ReadValueChunk(_text, used, _text.Length - used);
                    if (read == 0) break;
                    used += read;
                }
            }
            else
            {
                var value = _reader.Value;
                while (used + value.Length > _text.Length && !tooLong)
                {
                    tooLong = !Grow();
                }
                if (!tooLong)
                {
                    value.CopyTo(0, _text, used, value.Length);
                    used += value.Length;
                }
            }
        }
        ReadNode();
    }

    private bool Grow()
    {
        if (_text.Length >= MaxValueChars) return false;
        Array.Resize(ref _text, Math.Min(_text.Length * 2, MaxValueChars));
        return true;
    }

    /// <summary>Skips the element the reader is on and any insignificant nodes after it.</summary>
    private void Skip()
    {
        SkipSubtree();
        SkipInsignificant();
    }

    /// <summary>Skips the element the reader is on, counting every node against the limits (unlike <see cref="XmlReader.Skip"/>).</summary>
    private void SkipSubtree()
    {
        if (_reader.IsEmptyElement)
        {
            ReadNode();
            return;
        }
        var depth = _reader.Depth;
        while (true)
        {
            ReadNode();
            if (_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth) break;
            if (_reader.NodeType == XmlNodeType.None) throw new XmlException("Unexpected end of file.");
        }
        ReadNode();
    }

    /// <summary>Skips whitespace, comments and processing instructions; reports text where only elements may appear.</summary>
    private void SkipInsignificant()
    {
        var reported = false;
        while (true)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                    if (!reported && _frameCount > 0)
                    {
                        Error(null, RuleCodes.Structure, $"Text is not allowed directly inside '{Top.Name}'; it may only contain elements.");
                        reported = true;
                    }
                    ReadNode();
                    break;
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                case XmlNodeType.Comment:
                case XmlNodeType.ProcessingInstruction:
                case XmlNodeType.XmlDeclaration:
                    ReadNode();
                    break;
                default:
                    return;
            }
        }
    }

    /// <summary>The only place the reader advances: every element is counted and its depth checked.</summary>
    private void ReadNode()
    {
        if (!_reader.Read() || _reader.NodeType != XmlNodeType.Element) return;
        if (++_elementCount > MessageReader.MaxElements)
        {
            Fatal(null, RuleCodes.Size, Invariant(
                $"The message has more than {MessageReader.MaxElements:N0} elements; reading was stopped to protect the system."));
        }
        if (_reader.Depth >= MessageReader.MaxDepth)
        {
            Fatal(null, RuleCodes.Size, Invariant(
                $"Elements are nested more than {MessageReader.MaxDepth} levels deep; no iJw/iWmo message is, so reading was stopped."));
        }
    }

    // ---------------------------------------------------------------- helpers

    private string Atomise(int start, int length) =>
        length == 0 ? string.Empty : _reader.NameTable.Add(_text, start, length);

    private string BuildPath(string? child)
    {
        var path = new StringBuilder(64);
        for (var i = 0; i < _frameCount; i++)
        {
            path.Append('/').Append(_frames[i].Name);
            if (_frames[i].Index > 0) path.Append('[').Append(_frames[i].Index.ToString(CultureInfo.InvariantCulture)).Append(']');
        }
        if (child is not null) path.Append('/').Append(child);
        return path.Length == 0 ? "/" : path.ToString();
    }

    private static bool IsXmlSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static bool IsAsciiLettersOrDigits(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c)) return false;
        }
        return true;
    }

    /// <summary>xs:integer lexical form: optional sign, digits (leading zeros allowed); at most 18 significant digits.</summary>
    private static bool TryParseInteger(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        var negative = false;
        if (text.Length > 0 && text[0] is '+' or '-')
        {
            negative = text[0] == '-';
            text = text[1..];
        }
        if (text.IsEmpty) return false;
        text = text.TrimStart('0');
        if (text.Length > 18) return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        if (negative) value = -value;
        return true;
    }

    /// <summary>
    /// xs:date without zone, YYYY-MM-DD, parsed by hand: DateOnly.TryParseExact was the single largest cost of reading a
    /// declaration (four dates per prestatie).
    /// </summary>
    private static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-') return false;
        if (!TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day))
        {
            return false;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>xs:time without zone, HH:MM:SS with an optional fraction of up to 7 digits, parsed by hand like dates.</summary>
    private static bool TryParseTime(ReadOnlySpan<char> text, out TimeOnly time)
    {
        time = default;
        if (text.Length < 8 || text[2] != ':' || text[5] != ':') return false;
        if (!TryDigits(text[..2], out var hour) || !TryDigits(text.Slice(3, 2), out var minute) || !TryDigits(text.Slice(6, 2), out var second))
        {
            return false;
        }
        long ticks = 0;
        if (text.Length > 8)
        {
            var fraction = text[9..];
            if (text[8] != '.' || fraction.IsEmpty || fraction.Length > 7 || !TryDigits(fraction, out var digits)) return false;
            ticks = digits;
            for (var i = fraction.Length; i < 7; i++) ticks *= 10;
        }
        if (hour > 23 || minute > 59 || second > 59) return false;
        time = new TimeOnly(hour, minute, second).Add(TimeSpan.FromTicks(ticks));
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private struct Frame
    {
        public string Name;
        /// <summary>1-based occurrence for repeating elements (shown as Prestatie[3]); 0 when the element does not repeat.</summary>
        public int Index;
        public ElementSequence Children;
        /// <summary>Slot of the last child seen; -1 before the first.</summary>
        public int Position;
        public int PositionCount;
        /// <summary>Bit per slot (first 64) already reported missing, so a late arrival replaces that report.</summary>
        public ulong ReportedMissing;
        public bool IsEmpty;
    }
}
