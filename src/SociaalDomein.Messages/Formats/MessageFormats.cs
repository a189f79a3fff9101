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

    /// <summary>"JW301 and JW323 (releases 3.0 and 3.2)" — for explanations.</summary>
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

    /// <summary>"JW301" for (iJw, 436); null when no format has that BerichtCode.</summary>
    public static string? NameOf(Standard standard, int berichtCode) =>
        All.FirstOrDefault(f => f.Standard == standard && f.BerichtCode == berichtCode)?.SchemaName.ToUpperInvariant();

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
                    ?? formats.GroupBy(f => (f.Standard, f.BerichtCode)).FirstOrDefault(g => g.Count() > 1)?.ToArray()
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
        var names = All.Select(f => f.SchemaName.ToUpperInvariant()).Order(StringComparer.Ordinal).ToArray();
        var releases = All.SelectMany(f => f.Releases).Distinct()
            .OrderBy(r => r.Versie).ThenBy(r => r.Subversie).Select(r => r.ToString()).ToArray();
        return $"{string.Join(", ", names)} (releases {string.Join(" and ", releases)})";
    }
}
