using System.Net;
using System.Net.Sockets;

namespace McpDemo.Testing;

/// <summary>Loopback ports nobody is listening on, so tests never fight over fixed ports.</summary>
public static class FreePort
{
    /// <summary>Asks the OS for an unused loopback port.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
