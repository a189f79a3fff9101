using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace SociaalDomein.Delivery.Tests;

/// <summary>
/// A small SMTP server on 127.0.0.1 that keeps what it is sent: enough of RFC 5321 for a mail client (EHLO/HELO, MAIL,
/// RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT). A recipient can be refused for good (550) to test permanent failures.
/// </summary>
public sealed partial class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceivedMail> _mails = new();
    private readonly ConcurrentDictionary<string, bool> _refused = new(StringComparer.OrdinalIgnoreCase);
    private readonly Task _accepting;

    public SmtpSink()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IReadOnlyList<ReceivedMail> Mails => _mails.ToList();

    /// <summary>RCPT TO this address is answered 550 (mailbox unavailable).</summary>
    public void Refuse(string address) => _refused[address] = true;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 sink.test ESMTP ready");
        string? from = null;
        var to = new List<string>();
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-sink.test greets you");
                    await writer.WriteLineAsync("250 8BITMIME");
                    break;
                case "HELO":
                    await writer.WriteLineAsync("250 sink.test");
                    break;
                case "MAIL":
                    from = Address(line);
                    to.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    var recipient = Address(line);
                    if (_refused.ContainsKey(recipient))
                    {
                        await writer.WriteLineAsync("550 5.1.1 mailbox unavailable");
                    }
                    else
                    {
                        to.Add(recipient);
                        await writer.WriteLineAsync("250 OK");
                    }
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                    _mails.Enqueue(new ReceivedMail(from ?? "", to.ToList(), data.ToString()));
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "RSET":
                    from = null;
                    to.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "NOOP":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 command not implemented");
                    break;
            }
        }
    }

    private static string Address(string line) => AngleAddress().Match(line) is { Success: true } m ? m.Groups[1].Value : "";

    [GeneratedRegex("<([^>]*)>")]
    private static partial Regex AngleAddress();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}

/// <summary>One mail as the sink received it, with its headers and decoded text body.</summary>
public sealed partial record ReceivedMail(string From, IReadOnlyList<string> To, string Raw)
{
    private string Head => Raw[..Raw.IndexOf("\r\n\r\n", StringComparison.Ordinal)];

    /// <summary>A header's value, unfolded, with RFC 2047 encoded words decoded.</summary>
    public string Header(string name)
    {
        var unfolded = Regex.Replace(Head, "\r\n[ \t]+", " ");
        var line = unfolded.Split("\r\n").FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
                   ?? throw new KeyNotFoundException($"The mail has no {name} header.");
        var value = line[(name.Length + 1)..].Trim();
        value = Regex.Replace(value, @"\?=\s+=\?", "?==?");
        return EncodedWord().Replace(value, m => m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[3].Value))
            : DecodeQuotedPrintable(m.Groups[3].Value.Replace('_', ' ')));
    }

    /// <summary>The body, quoted-printable decoded when the mail says so.</summary>
    public string Body
    {
        get
        {
            var body = Raw[(Raw.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
            return Head.Contains("quoted-printable", StringComparison.OrdinalIgnoreCase) ? DecodeQuotedPrintable(body) : body;
        }
    }

    private static string DecodeQuotedPrintable(string text)
    {
        text = text.Replace("=\r\n", "", StringComparison.Ordinal);
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();
}
