using System.Net;
using System.Net.Sockets;
using System.Text;

namespace McpDemo.Gateway.Tests.Faults;

/// <summary>
/// A replica that dies with requests unread, as a SIGKILLed one does in the moments before the kernel closes its sockets:
/// it accepts each connection, waits for the request's first bytes, and closes without reading them, so the kernel
/// answers with a reset. The request reached the machine but never the app.
/// </summary>
internal sealed class UnreadRequestReplica : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _posts;
    private int _connections;

    public UnreadRequestReplica()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The address the gateway is given for this replica.</summary>
    public string Address => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>How many connections it reset, health probes included.</summary>
    public int ResetConnections => Volatile.Read(ref _connections);

    /// <summary>How many POST requests reached it, and were dropped unread.</summary>
    public int DroppedPosts => Volatile.Read(ref _posts);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = DropAsync(socket);
        }
    }

    private async Task DropAsync(Socket socket)
    {
        using (socket)
        {
            var start = new byte[4];
            // Peek: the bytes stay unread, so closing the socket resets the connection rather than ending it.
            var read = await socket.ReceiveAsync(start, SocketFlags.Peek);
            if (Encoding.ASCII.GetString(start, 0, read) == "POST")
            {
                Interlocked.Increment(ref _posts);
            }
            Interlocked.Increment(ref _connections);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
