using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;
using SociaalDomein.Delivery.Subscriptions;
using SociaalDomein.Delivery.Worker;

namespace SociaalDomein.Delivery.Email;

/// <summary>Sends one alert e-mail through the configured SMTP server and says whether it worked, may work later, or never will.</summary>
public sealed class EmailSender(IOptions<SmtpOptions> options)
{
    public async Task<AttemptResult> SendAsync(Subscription subscription, AlertEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(email);
        var smtp = options.Value;
        if (!smtp.Enabled) return AttemptResult.Permanent("Smtp:Host is not set: this host sends no e-mail");
        if (subscription.Email is null) return AttemptResult.Permanent("the subscription has no e-mail address");

        using var message = new MailMessage(new MailAddress(smtp.From), new MailAddress(subscription.Email))
        {
            Subject = email.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = email.Body,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = System.Net.Mime.TransferEncoding.QuotedPrintable,
            IsBodyHtml = false,
        };
        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            EnableSsl = smtp.StartTls,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = smtp.TimeoutMs,
            UseDefaultCredentials = false,
        };
        if (!string.IsNullOrEmpty(smtp.UserName)) client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        try
        {
            await client.SendMailAsync(message, cancellationToken);
            return AttemptResult.Delivered;
        }
        catch (SmtpException e) when (!cancellationToken.IsCancellationRequested)
        {
            // 4xx replies (mailbox busy, greylisting) and lost connections may pass; 5xx replies are final.
            var code = (int)e.StatusCode;
            var error = $"SMTP {code}: {e.Message}";
            return code is >= 500 and < 600
                ? AttemptResult.Permanent(error)
                : AttemptResult.Transient(error);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            return AttemptResult.Transient($"SMTP server not reachable: {e.GetType().Name}");
        }
    }
}
