using System.Net.Sockets;
using McpDemo.Testing;

namespace McpDemo.SharedState.Tests.Stores;

/// <summary>
/// A real <c>redis-server</c> (the Debian package, installed by eng/install-tools.sh), without persistence, so the
/// same tests prove the shared state works on any Redis-protocol store, not just Garnet.
/// </summary>
public sealed class RedisStoreServer : IStoreServer
{
    private const string Executable = "/usr/bin/redis-server";
    private TestProcess? _process;

    /// <inheritdoc />
    public string Kind => "redis-server";

    /// <inheritdoc />
    public int Port { get; } = FreePort.Next();

    /// <inheritdoc />
    public async Task StartAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException(
                $"{Executable} is missing. Run `bash eng/install-tools.sh` (it installs Debian's redis-server) or `apt-get install -y redis-server`.");
        }
        _process = TestProcess.Start(Executable,
            ["--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--save", "", "--appendonly", "no", "--protected-mode", "yes"]);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(50);
            }
            catch (SocketException e)
            {
                throw new InvalidOperationException($"redis-server did not listen on {Port}:\n{_process.Output}", e);
            }
        }
    }

    /// <inheritdoc />
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(StopAsync());
}
