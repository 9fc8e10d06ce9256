using System.Net.Sockets;
using System.Text;

namespace McpDemo.StreamableHttp.Tests.Infrastructure;

/// <summary>Sends bytes HttpClient refuses to send (non-ASCII headers and the like) and reads the status code back.</summary>
public static class RawHttp
{
    public static async Task<int> SendAsync(Uri endpoint, byte[] headerBlock, byte[] body)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint.Host, endpoint.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(headerBlock);
        await stream.WriteAsync(body);

        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        var statusLine = Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0];
        return int.Parse(statusLine.Split(' ')[1]);
    }

    /// <summary>A POST to the endpoint with the given extra raw header line (bytes as Latin-1).</summary>
    public static Task<int> PostWithHeaderAsync(Uri endpoint, string rawHeaderLine, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var head = $"POST {endpoint.AbsolutePath} HTTP/1.1\r\nHost: {endpoint.Authority}\r\nContent-Type: application/json\r\n" +
            $"Accept: application/json, text/event-stream\r\n{rawHeaderLine}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        return SendAsync(endpoint, Encoding.Latin1.GetBytes(head), body);
    }
}
