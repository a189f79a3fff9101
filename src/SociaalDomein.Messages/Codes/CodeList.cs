using System.Collections.Frozen;

namespace SociaalDomein.Messages.Codes;

/// <summary>One code list of a standard (e.g. iJw JZ588 RedenBeeindiging): the allowed codes with their meaning.</summary>
public sealed class CodeList
{
    private readonly FrozenDictionary<string, string> _codes;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public CodeList(string id, string name, IEnumerable<(string Code, string Meaning)> codes)
    {
        Id = id;
        Name = name;
        var list = codes.ToArray();
        _codes = list.ToFrozenDictionary(c => c.Code, c => c.Meaning, StringComparer.Ordinal);
        Codes = list.Select(c => c.Code).ToArray();
        _bySpan = Codes.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        Summary = string.Join(", ", list.Select(c => $"{c.Code} {c.Meaning}"));
    }

    /// <summary>The list's identifier in the standard, e.g. "JZ588".</summary>
    public string Id { get; }

    /// <summary>"RedenBeeindiging".</summary>
    public string Name { get; }

    /// <summary>The allowed codes in the standard's order.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>"01 minuut, 04 uur, …", for explanations.</summary>
    public string Summary { get; }

    public bool Contains(string code) => _codes.ContainsKey(code);

    /// <summary>The list's own string for <paramref name="code"/>, found without allocating; false when it is not in the list.</summary>
    public bool TryGet(ReadOnlySpan<char> code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? listed) =>
        _bySpan.TryGetValue(code, out listed);

    /// <summary>The meaning of a code, or null when it is not in the list.</summary>
    public string? Meaning(string code) => _codes.GetValueOrDefault(code);

    public override string ToString() => $"{Id} {Name}";
}
