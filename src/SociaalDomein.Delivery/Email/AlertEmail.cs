using System.Globalization;
using System.Text;
using SociaalDomein.Delivery.Alerts;
using SociaalDomein.Delivery.Subscriptions;

namespace SociaalDomein.Delivery.Email;

/// <summary>The plain-text e-mail for one alert revision: a subject that says what and where, a body a person reads in one glance.</summary>
public sealed record AlertEmail(string Subject, string Body)
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static AlertEmail For(Subscription subscription, AlertDocument alert)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(alert);
        alert = BsnGuard.Redact(alert);
        var subject = $"[{alert.Severity}] Alert {alert.Change}: {alert.Kind}, municipality {alert.Municipality}, provider {alert.Provider}, {alert.Year}";

        var body = new StringBuilder();
        body.AppendLine(CultureInfo.InvariantCulture, $"Alert {alert.Change} ({alert.Severity}): {alert.Kind}");
        body.AppendLine();
        body.AppendLine(alert.Description);
        body.AppendLine();
        Line(body, "Municipality", alert.Municipality);
        Line(body, "Provider (AGB)", alert.Provider);
        Line(body, "Year", alert.Year.ToString(CultureInfo.InvariantCulture));
        Line(body, "Category", alert.Category ?? "all categories");
        Line(body, "Declared", Euro(alert.DeclaredCents));
        if (alert.CeilingCents is { } ceiling)
            Line(body, "Ceiling", Euro(ceiling) + (alert.ThresholdPercent is { } percent ? $" ({percent}% threshold)" : ""));
        if (alert.Figures is { } figures)
        {
            var basis = figures.Basis is null ? "" : $", {figures.Basis}";
            Line(body, "Figures", figures.Unit == "cent"
                ? $"{Euro(figures.Actual)} against {Euro(figures.Limit)}{basis}"
                : $"{figures.Actual.ToString(CultureInfo.InvariantCulture)} against {figures.Limit.ToString(CultureInfo.InvariantCulture)} {figures.Unit}{basis}");
        }
        if (alert.TriggeringMessageId is { } message) Line(body, "Message", message);
        Line(body, "Raised at", TimeZoneInfo.ConvertTime(alert.RaisedAt, Amsterdam).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (Amsterdam)");
        Line(body, "Alert", $"{alert.Id}, revision {alert.Revision.ToString(CultureInfo.InvariantCulture)}");
        body.AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"You receive this through the subscription '{subscription.Name}' ({subscription.Id}).");
        // Mail lines end in CRLF (RFC 5322), whatever the platform's newline.
        return new AlertEmail(subject, body.ToString().ReplaceLineEndings("\r\n"));
    }

    private static void Line(StringBuilder body, string label, string value) =>
        body.AppendLine(CultureInfo.InvariantCulture, $"{label + ":",-16}{value}");

    /// <summary>Euros as the alert descriptions write them: € 1,234.56.</summary>
    public static string Euro(long cents) => (cents / 100m).ToString("€ #,##0.00", CultureInfo.InvariantCulture);
}
