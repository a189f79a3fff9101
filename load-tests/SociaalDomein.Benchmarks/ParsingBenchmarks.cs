using System.Xml;
using BenchmarkDotNet.Attributes;
using SociaalDomein.Messages.Reading;

namespace SociaalDomein.Benchmarks;

/// <summary>
/// Parse + validate (levels 1 and 2) of a realistic 323 and 301, each beside its ceiling: a plain <see cref="XmlReader"/>
/// pass over the same bytes that reads every node and every value and does nothing else.
/// </summary>
[MemoryDiagnoser]
public class ParsingBenchmarks
{
    /// <summary>A mid-sized provider's month: 600 prestaties (≈ 560 kB).</summary>
    public const int DeclaratieLines = 600;

    /// <summary>A 301 with five allocations for one client.</summary>
    public const int ToewijzingLines = 5;

    private static readonly XmlReaderSettings CeilingSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
    };

    private byte[] _declaratie = [];
    private byte[] _toewijzing = [];

    [GlobalSetup]
    public void Setup()
    {
        _declaratie = SampleMessages.Declaratie(DeclaratieLines);
        _toewijzing = SampleMessages.Toewijzing(ToewijzingLines);
        ThroughputColumn.Register(nameof(Declaratie323ParseAndValidate), _declaratie.Length, DeclaratieLines);
        ThroughputColumn.Register(nameof(Declaratie323XmlReaderCeiling), _declaratie.Length, DeclaratieLines);
        ThroughputColumn.Register(nameof(Toewijzing301ParseAndValidate), _toewijzing.Length, ToewijzingLines);
        ThroughputColumn.Register(nameof(Toewijzing301XmlReaderCeiling), _toewijzing.Length, ToewijzingLines);
        var check = MessageReader.ReadAndValidate(_declaratie, "benchmark");
        if (!check.IsClean) throw new InvalidOperationException("The benchmark declaration breaks a rule: " + check.Findings[0]);
    }

    [Benchmark]
    public int Declaratie323ParseAndValidate() => MessageReader.ReadAndValidate(_declaratie, "benchmark").Findings.Count;

    [Benchmark]
    public long Declaratie323XmlReaderCeiling() => ReadAllNodes(_declaratie);

    [Benchmark]
    public int Toewijzing301ParseAndValidate() => MessageReader.ReadAndValidate(_toewijzing, "benchmark").Findings.Count;

    [Benchmark]
    public long Toewijzing301XmlReaderCeiling() => ReadAllNodes(_toewijzing);

    /// <summary>Every node read, every value materialised: the least a parser of this XML must do.</summary>
    private static long ReadAllNodes(byte[] xml)
    {
        using var reader = XmlReader.Create(new MemoryStream(xml, writable: false), CeilingSettings);
        long characters = 0;
        while (reader.Read())
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA) characters += reader.Value.Length;
        }
        return characters;
    }
}
