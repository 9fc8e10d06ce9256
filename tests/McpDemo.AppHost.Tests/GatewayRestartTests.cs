using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using McpDemo.Testing;

namespace McpDemo.AppHost.Tests;

/// <summary>
/// The gateway restarts on failure like the replicas (DCP leaves a dead process "Exited"): killed as a crash kills it,
/// the real AppHost starts it again on the same port, says so in its log, and it serves again.
/// </summary>
public sealed class GatewayRestartTests : IAsyncLifetime
{
    private static readonly TimeSpan s_patience = TimeSpan.FromMinutes(3);
    private readonly int _gatewayPort = FreePort.Next();
    private DistributedApplication? _app;

    private DistributedApplication App => _app ?? throw new InvalidOperationException("The AppHost has not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(s_patience);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.McpDemo_AppHost>(
            ["--gateway-port", _gatewayPort.ToString(CultureInfo.InvariantCulture)], timeout.Token);
        builder.Configuration["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://localhost:{FreePort.Next()}";
        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
    }

    [Fact]
    public async Task KilledGateway_IsRestarted_SaysSoInItsLog_AndServesAgainOnItsPort()
    {
        using var timeout = new CancellationTokenSource(s_patience);
        var victim = await RunningPidAsync(previous: null, timeout.Token);

        // The gateway runs as its built app (no `dotnet run` wrapper): the pid DCP reports is the gateway itself.
        using (var gateway = Process.GetProcessById(victim))
        {
            gateway.Kill();
        }
        var restarted = await RunningPidAsync(previous: victim, timeout.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);

        Assert.NotEqual(victim, restarted);
        Assert.Contains(await App.LinesOfAsync("gateway"), line => line.Contains("exited unexpectedly", StringComparison.Ordinal) && line.Contains("restarting", StringComparison.Ordinal));
        using var http = new HttpClient();
        using var health = await http.GetAsync(new Uri($"http://localhost:{_gatewayPort.ToString(CultureInfo.InvariantCulture)}/health"), timeout.Token);
        Assert.True(health.IsSuccessStatusCode, $"The restarted gateway answered /health with {(int)health.StatusCode}.");
    }

    private async Task<int> RunningPidAsync(int? previous, CancellationToken cancellationToken)
    {
        var running = await App.ResourceNotifications.WaitForResourceAsync(
            "gateway",
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
