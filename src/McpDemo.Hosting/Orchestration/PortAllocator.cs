using System.Net;
using System.Net.Sockets;

namespace McpDemo.Hosting.Orchestration;

/// <summary>Hands out loopback ports: the fixed ones after checking nobody holds them, the rest free and distinct.</summary>
internal sealed class PortAllocator
{
    private readonly HashSet<int> _handedOut = [];

    /// <summary>Reserves <paramref name="fixedPort"/> for <paramref name="owner"/>, or a free port when it is null.</summary>
    public int Reserve(int? fixedPort, string owner)
    {
        if (fixedPort is { } port)
        {
            if (!IsFree(port))
            {
                throw new DistributedApplicationException(
                    $"Port {port}, wanted by {owner}, is already in use{PortOwner.Describe(port)}. Stop that process or free the port, then try again.");
            }
            _handedOut.Add(port);
            return port;
        }
        while (true)
        {
            var candidate = AnyFreePort();
            if (_handedOut.Add(candidate))
            {
                return candidate;
            }
        }
    }

    // "localhost" binds both loopbacks, so a port is only free if neither holds it.
    private static bool IsFree(int port) =>
        CanBind(IPAddress.Loopback, port) && (!Socket.OSSupportsIPv6 || CanBind(IPAddress.IPv6Loopback, port));

    private static bool CanBind(IPAddress address, int port)
    {
        try
        {
            using var listener = new TcpListener(address, port);
            listener.Start();
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            return false;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressNotAvailable)
        {
            return true;
        }
    }

    private static int AnyFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
