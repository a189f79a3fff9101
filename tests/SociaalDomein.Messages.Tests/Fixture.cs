using System.Text;
using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Reading;

namespace SociaalDomein.Messages.Tests;

/// <summary>The hand-written test messages under Fixtures/ and small helpers to read or break them.</summary>
internal static class Fixture
{
    /// <summary>JW323 from provider 12345678 to Nijmegen for April 2025: 2 clients, 5 prestaties, one credit.</summary>
    public const string Declaratie = "jw323-april-2025.xml";

    /// <summary>JW301 from Nijmegen to provider 12345678: one client, three allocations (Omvang, Budget, deleted).</summary>
    public const string Toewijzing = "jw301-toewijzing.xml";

    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static IstdMessage Read(string xml) => MessageReader.Read(Encoding.UTF8.GetBytes(xml), "test.xml");

    public static DeclaratieMessage ReadDeclaratie() => Assert.IsType<DeclaratieMessage>(Read(Text(Declaratie)));

    public static ToewijzingMessage ReadToewijzing() => Assert.IsType<ToewijzingMessage>(Read(Text(Toewijzing)));

    /// <summary>Reads the fixture <paramref name="name"/> and asserts it is a <typeparamref name="T"/>.</summary>
    public static T Read<T>(string name) where T : IstdMessage => Assert.IsType<T>(Read(Text(name)));

    /// <summary>Reads XML with level-2 validation; fails when the message is refused.</summary>
    public static MessageReadResult Validate(string xml) => MessageReader.ReadAndValidate(Encoding.UTF8.GetBytes(xml), "test.xml");

    /// <summary>Reads the XML and returns the refusal; fails when the message is accepted.</summary>
    public static InvalidMessageException Refuse(string xml) => Assert.Throws<InvalidMessageException>(() => Read(xml));

    /// <summary>Replaces text that must occur exactly once, so a changed fixture cannot make a test pass vacuously.</summary>
    public static string ReplaceOnce(this string xml, string oldValue, string newValue)
    {
        var first = xml.IndexOf(oldValue, StringComparison.Ordinal);
        Assert.True(first >= 0, $"fixture does not contain: {oldValue}");
        Assert.True(xml.IndexOf(oldValue, first + 1, StringComparison.Ordinal) < 0, $"fixture contains more than once: {oldValue}");
        return string.Concat(xml.AsSpan(0, first), newValue, xml.AsSpan(first + oldValue.Length));
    }

    public static Bsn Bsn(string digits) => Model.Bsn.TryCreate(digits, out var bsn) ? bsn : throw new ArgumentException("not a valid test BSN");
}
