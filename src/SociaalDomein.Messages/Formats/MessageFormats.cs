using System.Collections.Frozen;
using SociaalDomein.Messages.Model;

namespace SociaalDomein.Messages.Formats;

/// <summary>
/// The registry of message formats: every non-abstract <see cref="IMessageFormat"/> in this assembly, bound to each of
/// its releases. Reading finds a format by the root namespace, writing by (standard, message type, release).
/// </summary>
internal static class MessageFormats
{
    private static readonly IReadOnlyList<IMessageFormat> All = Discover();

    private static readonly FrozenDictionary<string, FormatBinding> ByNamespace =
        Bindings().ToFrozenDictionary(b => b.MessageNamespace, StringComparer.Ordinal);

    private static readonly FrozenDictionary<(Standard, MessageType, Release), FormatBinding> ByType =
        Bindings().ToFrozenDictionary(b => (b.Format.Standard, b.Format.Type, b.Release));

    /// <summary>"301, 302, … of iJw and iWmo (releases 3.0 and 3.2), and …" — for explanations.</summary>
    public static string Supported { get; } = Describe();

    public static bool TryGetByNamespace(string ns, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FormatBinding? binding) =>
        ByNamespace.TryGetValue(ns, out binding);

    public static bool TryGetByType(Standard standard, MessageType type, Release release,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FormatBinding? binding) =>
        ByType.TryGetValue((standard, type, release), out binding);

    /// <summary>A sentence for a backoffice employee on why a root namespace was not recognised.</summary>
    public static string ExplainUnknownNamespace(string ns)
    {
        var lower = ns.ToLowerInvariant();
        if (!string.Equals(lower, ns, StringComparison.Ordinal) && ByNamespace.ContainsKey(lower))
        {
            return $"The namespace {Reading.Redaction.Quote(ns, 200)} is not recognised: iStandaarden namespaces are case-sensitive and lower case. " +
                   $"This system reads {Supported}.";
        }
        return IstdNamespaces.ExplainUnknown(ns, Supported);
    }

    /// <summary>Releases in which (standard, type) can be written, for an error message.</summary>
    public static IEnumerable<Release> ReleasesOf(Standard standard, MessageType type) =>
        All.Where(f => f.Standard == standard && f.Type == type).SelectMany(f => f.Releases);

    private static IReadOnlyList<IMessageFormat> Discover()
    {
        var formats = typeof(IMessageFormat).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMessageFormat).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (IMessageFormat)Activator.CreateInstance(t)!)
            .ToArray();

        // Two formats claiming the same message would make dispatch a guess: fail loudly at start-up instead.
        var clash = formats.GroupBy(f => (f.Standard, f.Type)).FirstOrDefault(g => g.Count() > 1)?.ToArray()
                    ?? formats.SelectMany(f => f.BerichtCodes.Select(c => (Format: f, Code: c)))
                        .GroupBy(p => (p.Format.Standard, p.Code)).FirstOrDefault(g => g.Count() > 1)?.Select(p => p.Format).ToArray()
                    ?? formats.GroupBy(f => (f.Standard, f.SchemaName)).FirstOrDefault(g => g.Count() > 1)?.ToArray();
        if (clash is not null)
        {
            throw new InvalidOperationException(
                $"Message formats {string.Join(", ", clash.Select(f => f.GetType().Name))} claim the same message type.");
        }
        return formats;
    }

    private static IEnumerable<FormatBinding> Bindings() =>
        All.SelectMany(format => format.Releases.Select(release => new FormatBinding(
            format,
            release,
            IstdNamespaces.Message(format.Standard, release, format.SchemaName),
            IstdNamespaces.Basisschema(format.Standard, release))));

    private static string Describe()
    {
        // Group message numbers by the releases they are read in: "301, 302 … of iJw and iWmo (releases 3.0 and 3.2)".
        var groups = All
            .GroupBy(f => Enumerate(f.Releases.OrderBy(r => r.Versie).ThenBy(r => r.Subversie).Select(r => r.ToString())))
            .OrderByDescending(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var numbers = g.Select(f => (int)f.Type).Distinct().Order().Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                var standards = g.Select(f => f.Standard).Distinct().Order().Select(s => s == Standard.IJw ? "iJw" : "iWmo");
                return $"{Enumerate(numbers)} of {Enumerate(standards)} (releases {g.Key})";
            });
        return string.Join("; ", groups);
    }

    /// <summary>"a, b and c".</summary>
    private static string Enumerate(IEnumerable<string> items)
    {
        var list = items.ToArray();
        return list.Length <= 1 ? string.Join("", list) : $"{string.Join(", ", list[..^1])} and {list[^1]}";
    }
}
