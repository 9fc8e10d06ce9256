using System.Globalization;
using System.Security.Cryptography;
using McpDemo.Testing;

namespace McpDemo.Bench.Chaos;

/// <summary>
/// The AppHost's stateful topology, as a user starts it: 3 replicas on the Garnet store behind 2 gateways, with an API
/// key generated for this run; the gateways on free ports. The replicas run the published server that
/// <c>MCPDEMO_SERVER_BINARY</c> names (<c>--server-binary</c>; eng/chaos.sh publishes one with NativeAOT), else the build
/// output under the JIT.
/// </summary>
internal sealed class Topology : IAsyncDisposable
{
    private const int GatewayCount = 2;
    private readonly TestProcess _appHost;

    private Topology(TestProcess appHost, string apiKey, IReadOnlyList<Uri> gateways) =>
        (_appHost, ApiKey, Gateways) = (appHost, apiKey, gateways);

    /// <summary>The key every call sends as its bearer token.</summary>
    public string ApiKey { get; }

    /// <summary>The gateways' MCP endpoints: gateway-1 first.</summary>
    public IReadOnlyList<Uri> Gateways { get; }

    /// <summary>Starts the AppHost and waits until both gateways answer <c>/health</c>.</summary>
    public static async Task<Topology> StartAsync()
    {
        var apiKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        string[] serverBinary = McpServerProcess.NativeServerBinary is { } binary ? ["--server-binary", binary] : [];
        var appHost = AppHostProcess.Start([
            "--mode", "stateful", "--replicas", "3", "--gateways", GatewayCount.ToString(CultureInfo.InvariantCulture),
            "--store", "garnet", "--auth", "apikey", "--gateway-port", port, $"--Parameters:mcp-api-key={apiKey}", .. serverBinary]);
        try
        {
            await appHost.WaitForHttpOkAsync($"http://localhost:{port}/health", AppHostProcess.Patience);
            var gateways = new List<Uri>();
            for (var instance = 1; instance <= GatewayCount; instance++)
            {
                var url = (await WaitForAsync(appHost, "gateway", instance)).Url
                    ?? throw new InvalidOperationException($"gateway-{instance} was given no ASPNETCORE_URLS.");
                await appHost.WaitForHttpOkAsync(new Uri(url, "/health").ToString(), AppHostProcess.Patience);
                gateways.Add(new Uri(url, "/mcp"));
            }
            return new Topology(appHost, apiKey, gateways);
        }
        catch
        {
            await appHost.DisposeAsync();
            throw;
        }
    }

    /// <summary>The service processes running now.</summary>
    public List<ServiceProcess> Processes() => ProcessesOf(_appHost);

    /// <summary>Waits until <paramref name="service"/>'s instance <paramref name="instance"/> runs, and returns its process.</summary>
    public Task<ServiceProcess> WaitForAsync(string service, int instance) => WaitForAsync(_appHost, service, instance);

    private static List<ServiceProcess> ProcessesOf(TestProcess appHost) => ServiceProcess.Among(ProcessTree.Of(appHost.Id));

    private static async Task<ServiceProcess> WaitForAsync(TestProcess appHost, string service, int instance)
    {
        using var timeout = new CancellationTokenSource(AppHostProcess.Patience);
        while (true)
        {
            if (ProcessesOf(appHost).FirstOrDefault(p => p.Service == service && p.Instance == instance) is { } process)
            {
                return process;
            }
            await Task.Delay(200, timeout.Token);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // SIGINT, as Ctrl+C: the AppHost stops its resources; then whatever is left of its tree goes.
        await _appHost.SignalAsync("INT");
        try
        {
            await _appHost.WaitForExitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            Console.Error.WriteLine("The AppHost did not stop within 60 s; killing its tree.");
        }
        await _appHost.DisposeAsync();
    }
}
