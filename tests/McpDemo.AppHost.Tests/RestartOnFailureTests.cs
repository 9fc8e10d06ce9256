using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Aspire.Hosting.ApplicationModel;
using McpDemo.Testing;

namespace McpDemo.AppHost.Tests;

/// <summary>
/// Replicas and gateways restart on failure (DCP leaves a dead process "Exited"): killed as a crash kills them, the real
/// AppHost starts them again at once the first time, says so in their log, and they serve again. The replicas run as a
/// published server (<c>--server-binary</c>): the server's own app host from its build output stands in for a NativeAOT
/// publish, which would take minutes to produce here; what is pinned is that the AppHost runs the file it is given, and
/// runs it again after a crash.
/// </summary>
public sealed class RestartOnFailureTests : IAsyncLifetime
{
    private static readonly TimeSpan s_patience = TimeSpan.FromMinutes(3);
    private static readonly string s_serverBinary = Path.Combine(RepoLayout.Root, "src/McpDemo.Server/bin", RepoLayout.Configuration, "net10.0/McpDemo.Server");
    private readonly int _gatewayPort = FreePort.Next();
    private DistributedApplication? _app;

    private DistributedApplication App => _app ?? throw new InvalidOperationException("The AppHost has not started.");

    private Uri Gateway => new($"http://localhost:{_gatewayPort.ToString(CultureInfo.InvariantCulture)}/");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(s_patience);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.McpDemo_AppHost>(
            ["--gateway-port", _gatewayPort.ToString(CultureInfo.InvariantCulture), "--replicas", "2", "--auth", "none", "--server-binary", s_serverBinary],
            timeout.Token);
        builder.Configuration["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://localhost:{FreePort.Next()}";
        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
    }

    [Fact]
    public async Task KilledGateway_IsRestartedAtOnce_SaysSoInItsLog_AndServesAgainOnItsPort()
    {
        using var timeout = new CancellationTokenSource(s_patience);
        var victim = await RunningPidAsync("gateway", previous: null, timeout.Token);

        // The gateway runs as its built app (no `dotnet run` wrapper): the pid DCP reports is the gateway itself.
        Kill(victim);
        var restarted = await RunningPidAsync("gateway", previous: victim, timeout.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);

        Assert.NotEqual(victim, restarted);
        Assert.Contains(await App.LinesOfAsync("gateway"), IsFirstRestart);
        using var http = new HttpClient();
        using var health = await http.GetAsync(new Uri(Gateway, "health"), timeout.Token);
        Assert.True(health.IsSuccessStatusCode, $"The restarted gateway answered /health with {(int)health.StatusCode}.");
    }

    [Fact]
    public async Task KilledReplica_OfAPublishedServer_IsRestartedAtOnceFromTheSameFile_AndAnswersThroughTheGatewayAgain()
    {
        using var timeout = new CancellationTokenSource(s_patience);
        var victim = await RunningPidAsync("server-1", previous: null, timeout.Token);
        Assert.Equal(s_serverBinary, ExecutableOf(victim));

        Kill(victim);
        var restarted = await RunningPidAsync("server-1", previous: victim, timeout.Token);

        Assert.Equal(s_serverBinary, ExecutableOf(restarted));
        Assert.Contains(await App.LinesOfAsync("server-1"), IsFirstRestart);
        // Back in the gateway's rotation: round-robin brings a call to it once a probe has passed.
        using var http = new HttpClient();
        while (await PingAsync(http, timeout.Token) != "1")
        {
            await Task.Delay(100, timeout.Token);
        }
    }

    // "restarting in 0 s (restart 1)": the first crash is restarted without a back-off.
    private static bool IsFirstRestart(string line) =>
        line.Contains("exited unexpectedly", StringComparison.Ordinal) && line.Contains("restarting in 0 s (restart 1)", StringComparison.Ordinal);

    private static void Kill(int pid)
    {
        using var process = Process.GetProcessById(pid);
        process.Kill();
    }

    // What the process runs, as the kernel sees it: the published file itself, not `dotnet` with a dll.
    private static string? ExecutableOf(int pid) => File.ResolveLinkTarget($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/exe", returnFinalTarget: false)?.FullName;

    /// <summary>The replica that answered a 2026-07-28 <c>ping</c> through the gateway (<c>pong! instance=N ...</c>).</summary>
    private async Task<string?> PingAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(RawMcp.CallTool(new Uri(Gateway, "mcp"), "ping", new JsonObject()), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }
        var text = (await RawMcp.ReadMessageAsync(response)).GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString()!;
        return text.Split(' ').FirstOrDefault(word => word.StartsWith("instance=", StringComparison.Ordinal))?["instance=".Length..];
    }

    private async Task<int> RunningPidAsync(string resource, int? previous, CancellationToken cancellationToken)
    {
        var running = await App.ResourceNotifications.WaitForResourceAsync(
            resource,
            e => e.Snapshot.State?.Text == KnownResourceStates.Running && PidOf(e.Snapshot) is { } pid && pid != previous,
            cancellationToken);
        return PidOf(running.Snapshot)!.Value;
    }

    private static int? PidOf(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } value
        && int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
