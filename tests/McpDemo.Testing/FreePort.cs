using System.Net;
using System.Net.Sockets;

namespace McpDemo.Testing;

/// <summary>Loopback ports nobody is listening on, so tests never fight over fixed ports.</summary>
public static class FreePort
{
    // A port is free only until someone binds it, and the OS may offer it again before then: a process given
    // several ports at once (an AppHost's gateway, dashboard and OTLP receiver) once got the same one twice.
    private static readonly HashSet<int> s_handedOut = [];

    /// <summary>Asks the OS for an unused loopback port, never one this process was already given.</summary>
    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (s_handedOut)
            {
                if (s_handedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
