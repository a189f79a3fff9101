using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SociaalDomein.Fault.Tests.Infrastructure;

/// <summary>
/// A TCP proxy on loopback between Kafka clients and one broker of the embedded cluster, which can drop every connection
/// (and refuse new ones) and later let them through again: a network cut between the worker and Kafka.
/// </summary>
/// <remarks>
/// A Kafka client uses its bootstrap address only for the first request; after that it connects to the addresses the
/// broker advertises in Metadata and FindCoordinator responses, and the mock cluster advertises its own port. So the
/// proxy reads the protocol's framing (4-byte size, then for a request api key, version and correlation id) and, in the
/// responses to those two requests only, replaces the broker's port after its host name with the proxy's port. Both are
/// 4-byte integers, so no length changes; every other byte passes untouched. The clients then reach the broker through
/// the proxy only, and a cut really cuts them off.
/// </remarks>
internal sealed class KafkaProxy : IAsyncDisposable
{
    private const short MetadataApiKey = 3;
    private const short FindCoordinatorApiKey = 10;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _brokerHost;
    private readonly int _brokerPort;
    private readonly ConcurrentDictionary<Connection, byte> _connections = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private volatile bool _cut;

    public KafkaProxy(string brokerBootstrap)
    {
        var colon = brokerBootstrap.LastIndexOf(':');
        _brokerHost = brokerBootstrap[..colon];
        _brokerPort = int.Parse(brokerBootstrap[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>Give this to clients as bootstrap.servers.</summary>
    public string BootstrapServers => $"{_brokerHost}:{Port}";

    /// <summary>How many responses had the broker's address rewritten: proof that clients learnt the proxy's.</summary>
    public int RewrittenAddresses => _rewritten;

    /// <summary>How many client connections were dropped or refused by a cut.</summary>
    public int DroppedConnections => _dropped;

    private int _rewritten;
    private int _dropped;

    /// <summary>Drops every open connection and refuses new ones until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        _cut = true;
        foreach (var connection in _connections.Keys)
        {
            Interlocked.Increment(ref _dropped);
            connection.Close();
        }
    }

    public void Restore() => _cut = false;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            if (_cut)
            {
                Interlocked.Increment(ref _dropped);
                client.Client.LingerState = new LingerOption(true, 0); // a reset, as a broken network path gives
                client.Dispose();
                continue;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        var broker = new TcpClient();
        var connection = new Connection(client, broker);
        try
        {
            await broker.ConnectAsync(_brokerHost, _brokerPort, _stop.Token);
            client.NoDelay = broker.NoDelay = true;
            _connections[connection] = 0;
            var apiKeys = new ConcurrentDictionary<int, short>();
            await Task.WhenAny(PumpRequestsAsync(client.GetStream(), broker.GetStream(), apiKeys),
                PumpResponsesAsync(broker.GetStream(), client.GetStream(), apiKeys));
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            _connections.TryRemove(connection, out _);
            connection.Close();
        }
    }

    private async Task PumpRequestsAsync(Stream from, Stream to, ConcurrentDictionary<int, short> apiKeys)
    {
        try
        {
            while (await ReadFrameAsync(from) is { } frame)
            {
                // Request header: api_key int16, api_version int16, correlation_id int32.
                apiKeys[BinaryPrimitives.ReadInt32BigEndian(frame.AsSpan(8))] = BinaryPrimitives.ReadInt16BigEndian(frame.AsSpan(4));
                await to.WriteAsync(frame, _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }

    private async Task PumpResponsesAsync(Stream from, Stream to, ConcurrentDictionary<int, short> apiKeys)
    {
        try
        {
            while (await ReadFrameAsync(from) is { } frame)
            {
                // Response header: correlation_id int32 first.
                if (apiKeys.TryRemove(BinaryPrimitives.ReadInt32BigEndian(frame.AsSpan(4)), out var apiKey)
                    && apiKey is MetadataApiKey or FindCoordinatorApiKey)
                    RewriteBrokerPort(frame);
                await to.WriteAsync(frame, _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }

    /// <summary>Every "host" string followed by the broker's port (int32) gets the proxy's port instead.</summary>
    private void RewriteBrokerPort(byte[] frame)
    {
        var pattern = new byte[_brokerHost.Length + 4];
        Encoding.ASCII.GetBytes(_brokerHost, pattern);
        BinaryPrimitives.WriteInt32BigEndian(pattern.AsSpan(_brokerHost.Length), _brokerPort);
        var span = frame.AsSpan();
        for (var at = span.IndexOf(pattern); at >= 0; at = span.IndexOf(pattern))
        {
            BinaryPrimitives.WriteInt32BigEndian(span[(at + _brokerHost.Length)..], Port);
            Interlocked.Increment(ref _rewritten);
            span = span[(at + pattern.Length)..];
        }
    }

    /// <summary>One whole frame including its 4-byte size, or null at the end of the stream.</summary>
    private async Task<byte[]?> ReadFrameAsync(Stream from)
    {
        var size = new byte[4];
        try
        {
            await from.ReadExactlyAsync(size, _stop.Token);
        }
        catch (EndOfStreamException)
        {
            return null;
        }
        var length = BinaryPrimitives.ReadInt32BigEndian(size);
        var frame = new byte[4 + length];
        size.CopyTo(frame, 0);
        await from.ReadExactlyAsync(frame.AsMemory(4), _stop.Token);
        return frame;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var connection in _connections.Keys) connection.Close();
        await _accepting;
        _stop.Dispose();
    }

    private sealed class Connection(TcpClient client, TcpClient broker)
    {
        public void Close()
        {
            // The pump may have disposed the connection already (the peer closed it): TcpClient.Client is null then.
            try
            {
                if (client.Client is { } socket) socket.LingerState = new LingerOption(true, 0);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }
            client.Dispose();
            broker.Dispose();
        }
    }
}
