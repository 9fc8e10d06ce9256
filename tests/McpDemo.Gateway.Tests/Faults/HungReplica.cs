using System.Net;
using System.Net.Sockets;

namespace McpDemo.Gateway.Tests.Faults;

/// <summary>
/// A replica that is hung, as a SIGSTOPped process is to its peers: connections to it open (the kernel accepts them),
/// and nothing on them is ever read or answered. It holds each connection until the gateway gives up on it.
/// </summary>
internal sealed class HungReplica : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _held = [];
    private readonly Task _accepting;

    public HungReplica()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The address the gateway is given for this replica.</summary>
    public string Address => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>How many connections were opened to it, one per probe that timed out, at least.</summary>
    public int Connections
    {
        get
        {
            lock (_held)
            {
                return _held.Count;
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            try
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                lock (_held)
                {
                    _held.Add(socket);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        lock (_held)
        {
            _held.ForEach(socket => socket.Dispose());
        }
        _stop.Dispose();
    }
}
