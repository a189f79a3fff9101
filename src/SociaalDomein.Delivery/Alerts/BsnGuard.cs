using System.Text.RegularExpressions;
using SociaalDomein.Messages.Model;

namespace SociaalDomein.Delivery.Alerts;

/// <summary>
/// The last check before an alert leaves the system: alerts carry no BSN by construction, but their free text is
/// written by rules that may change, so any 9-digit number in it that passes the elfproef is masked before delivery.
/// </summary>
public static partial class BsnGuard
{
    public const string Mask = "[BSN verwijderd]";

    /// <summary><paramref name="text"/> with every BSN-shaped number (9 digits passing the elfproef, standing alone) masked.</summary>
    public static string Redact(string text) =>
        NineDigits().Replace(text, m => Bsn.TryCreate(m.Value, out _) ? Mask : m.Value);

    /// <summary>True when <paramref name="text"/> holds a BSN-shaped number.</summary>
    public static bool ContainsBsn(string text) => NineDigits().Matches(text).Any(m => Bsn.TryCreate(m.Value, out _));

    /// <summary>The alert as it may be delivered: its free-text fields redacted.</summary>
    public static AlertDocument Redact(AlertDocument alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return alert with
        {
            Description = Redact(alert.Description),
            Figures = alert.Figures is { Basis: { } basis } figures ? figures with { Basis = Redact(basis) } : alert.Figures,
        };
    }

    [GeneratedRegex(@"(?<![0-9])[0-9]{9}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex NineDigits();
}
