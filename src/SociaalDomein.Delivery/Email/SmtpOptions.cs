using System.Net.Mail;

namespace SociaalDomein.Delivery.Email;

/// <summary>The mail server alert e-mails go through (section "Smtp"). Without a host, e-mail subscriptions are not delivered.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>Host name of the SMTP server (e.g. smtp.example.nl); empty: no e-mail delivery.</summary>
    public string Host { get; set; } = "";

    public int Port { get; set; } = 587;

    /// <summary>Upgrade the connection with STARTTLS before sending (the server must offer it).</summary>
    public bool StartTls { get; set; } = true;

    /// <summary>The sender address, e.g. "Signalering ROB &lt;signalering@rob.example.nl&gt;".</summary>
    public string From { get; set; } = "";

    /// <summary>Login for servers that require one; empty: send without authenticating.</summary>
    public string UserName { get; set; } = "";

    /// <summary>Password for <see cref="UserName"/>; from a secret store.</summary>
    public string Password { get; set; } = "";

    public int TimeoutMs { get; set; } = 30_000;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    /// <summary>What is wrong with these settings, one sentence per problem, each naming its setting and never the password.</summary>
    public IEnumerable<string> Check()
    {
        if (!Enabled)
        {
            if (!string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(UserName))
                yield return "Smtp:Host is required when Smtp:From or Smtp:UserName is set (e.g. smtp.example.nl).";
            yield break;
        }
        if (Uri.CheckHostName(Host) == UriHostNameType.Unknown)
            yield return $"Smtp:Host: '{Host}' is not a host name or address.";
        if (Port is < 1 or > 65_535)
            yield return $"Smtp:Port must lie between 1 and 65535 (got {Port}).";
        if (!MailAddress.TryCreate(From, out _))
            yield return $"Smtp:From must be an e-mail address such as signalering@rob.example.nl (got '{From}').";
        if (string.IsNullOrEmpty(UserName) != string.IsNullOrEmpty(Password))
            yield return "Smtp:UserName and Smtp:Password go together: give both or neither.";
        if (TimeoutMs is < 1_000 or > 300_000)
            yield return $"Smtp:TimeoutMs must lie between 1000 and 300000 (got {TimeoutMs}).";
    }
}
