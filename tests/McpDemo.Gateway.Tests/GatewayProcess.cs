using McpDemo.Testing;

namespace McpDemo.Gateway.Tests;

/// <summary>The built McpDemo.Gateway running as a real process in front of fake replicas.</summary>
internal sealed class GatewayProcess : IAsyncDisposable
{
    private readonly TestProcess _process;

    private GatewayProcess(TestProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>The command-line prefix of the YARP settings of the gateway's cluster of replicas.</summary>
    public const string Cluster = "--ReverseProxy:Clusters:server";

    /// <summary>The gateway's root address.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The gateway's MCP endpoint.</summary>
    public Uri McpEndpoint => new(BaseAddress, "/mcp");

    /// <summary>The gateway's process, to wait for what it logs.</summary>
    public TestProcess Process => _process;

    /// <summary>Everything the gateway has logged so far.</summary>
    public string Output => _process.Output;

    /// <summary>
    /// Starts the gateway with one <c>services__{service}__http__i</c> variable per replica and quick health checks,
    /// plus any <c>--Key=Value</c> <paramref name="settings"/> and <paramref name="variables"/>, and waits until its /health answers.
    /// </summary>
    public static Task<GatewayProcess> StartAsync(IReadOnlyList<FakeReplica> replicas, IEnumerable<string> settings, string service = "server",
        IReadOnlyDictionary<string, string>? variables = null) =>
        StartAsync(replicas.Select(replica => replica.Address).ToList(), settings, service, variables);

    /// <summary>Starts the gateway in front of the replicas at <paramref name="replicaAddresses"/>, as the other overload does.</summary>
    public static async Task<GatewayProcess> StartAsync(IReadOnlyList<string> replicaAddresses, IEnumerable<string> settings, string service = "server",
        IReadOnlyDictionary<string, string>? variables = null)
    {
        var port = FreePort.Next();
        var environment = new Dictionary<string, string?>
        {
            // Some tests wait for YARP's health-state log lines, which the gateway's own settings keep quiet.
            ["Logging__LogLevel__Yarp.ReverseProxy.Health"] = "Information",
        };
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }
        for (var i = 0; i < replicaAddresses.Count; i++)
        {
            environment[$"services__{service}__http__{i}"] = replicaAddresses[i];
        }
        var process = TestProcess.StartProject(
            "src/McpDemo.Gateway",
            ["--urls", $"http://127.0.0.1:{port}", $"{Cluster}:HealthCheck:Active:Interval=00:00:01", $"{Cluster}:HealthCheck:Passive:ReactivationPeriod=00:00:01", .. settings],
            environment);
        var gateway = new GatewayProcess(process, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await process.WaitForHttpOkAsync(new Uri(gateway.BaseAddress, "/health").ToString());
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }
        return gateway;
    }

    /// <summary>An HTTP client for the gateway, with or without a cookie jar.</summary>
    public HttpClient CreateClient(bool withCookieJar = false) =>
        new(new SocketsHttpHandler { UseCookies = withCookieJar }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
