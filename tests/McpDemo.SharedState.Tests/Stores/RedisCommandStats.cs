using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace McpDemo.SharedState.Tests.Stores;

/// <summary>
/// How many times a redis-server has run each command (<c>INFO commandstats</c>), read over a raw RESP socket so the
/// reading itself adds nothing but the <c>INFO</c> call: a test compares two readings to prove a request made the store
/// do nothing.
/// </summary>
public static class RedisCommandStats
{
    /// <summary>Command name (lower case) to the number of calls the server has run so far.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> ReadAsync(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        await using var stream = client.GetStream();
        await stream.WriteAsync("*2\r\n$4\r\nINFO\r\n$12\r\ncommandstats\r\n"u8.ToArray());
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var header = await reader.ReadLineAsync() ?? throw new InvalidOperationException("The store closed the connection.");
        var length = int.Parse(header.AsSpan(1), CultureInfo.InvariantCulture); // "$<bytes>"
        var body = new char[length];
        var read = 0;
        while (read < length)
        {
            read += await reader.ReadAsync(body.AsMemory(read));
        }
        // "cmdstat_subscribe:calls=3,usec=..."
        return new string(body).Split("\r\n")
            .Where(line => line.StartsWith("cmdstat_", StringComparison.Ordinal))
            .ToDictionary(
                line => line["cmdstat_".Length..line.IndexOf(':', StringComparison.Ordinal)],
                line => long.Parse(line.Split(':')[1].Split(',')[0]["calls=".Length..], CultureInfo.InvariantCulture));
    }

    /// <summary>The commands whose call count differs between two readings, other than <c>info</c> itself.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        [.. after.Where(entry => entry.Key != "info" && entry.Value != before.GetValueOrDefault(entry.Key)).Select(entry => $"{entry.Key}+{entry.Value - before.GetValueOrDefault(entry.Key)}")];
}
