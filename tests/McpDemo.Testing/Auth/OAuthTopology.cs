namespace McpDemo.Testing;

/// <summary>
/// The OAuth topology as real processes on loopback: the local issuer (<see cref="IdentityProcess"/>), McpDemo.Server
/// with <c>Mcp:Auth</c>, and, when asked, McpDemo.Gateway with <c>Gateway:Auth</c> in front of it. The public
/// <see cref="Resource"/> is the gateway's <c>/mcp</c>, or the server's own without a gateway; the issuer also
/// registers <see cref="OtherResource"/>, a second MCP server's URL (nothing listens there), for tokens meant for another server.
/// </summary>
public sealed class OAuthTopology : IAsyncDisposable
{
    private OAuthTopology(IdentityProcess issuer, McpServerProcess server, TestProcess? gateway, Uri resource, string otherResource)
    {
        Issuer = issuer;
        Server = server;
        Gateway = gateway;
        Resource = resource;
        OtherResource = otherResource;
    }

    /// <summary>The issuer.</summary>
    public IdentityProcess Issuer { get; }

    /// <summary>The MCP server (the one replica).</summary>
    public McpServerProcess Server { get; }

    /// <summary>The gateway, when there is one.</summary>
    public TestProcess? Gateway { get; }

    /// <summary>The public MCP endpoint: what clients call and what tokens must name as <c>aud</c>.</summary>
    public Uri Resource { get; }

    /// <summary>Another MCP server's resource URL, which the issuer issues tokens for too.</summary>
    public string OtherResource { get; }

    /// <summary>Everything every process printed, for failure messages.</summary>
    public string Output => $"issuer:\n{Issuer.Process.Output}\n\nserver:\n{Server.Output}\n\ngateway:\n{Gateway?.Output}";

    /// <summary>
    /// Starts the issuer, a server in <paramref name="sessionMode"/> with <paramref name="serverArguments"/>, and a gateway
    /// with <paramref name="gatewayArguments"/> when <paramref name="withGateway"/>.
    /// </summary>
    public static async Task<OAuthTopology> StartAsync(bool withGateway, string sessionMode = "Stateful",
        string[]? serverArguments = null, string[]? gatewayArguments = null)
    {
        var publicAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var resource = new Uri(publicAddress, "mcp");
        var otherResource = $"http://127.0.0.1:{FreePort.Next()}/mcp";
        var issuer = await IdentityProcess.StartAsync(resource.AbsoluteUri, otherResource);
        McpServerProcess? server = null;
        try
        {
            var serverAddress = withGateway ? new Uri($"http://127.0.0.1:{FreePort.Next()}/") : publicAddress;
            server = await McpServerProcess.StartAsync("src/McpDemo.Server", serverAddress, sessionMode, environment: null,
                [.. Settings("Mcp:Auth", issuer.Issuer, resource), .. serverArguments ?? []]);
            var gateway = withGateway ? await StartGatewayAsync(publicAddress, serverAddress, issuer.Issuer, resource, gatewayArguments ?? []) : null;
            return new OAuthTopology(issuer, server, gateway, resource, otherResource);
        }
        catch
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
            await issuer.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client-credentials token of <paramref name="clientId"/> for <see cref="Resource"/>.</summary>
    public Task<string> GetTokenAsync(string clientId = IdentityProcess.FullClient, string scope = IdentityProcess.AllScopes) =>
        Issuer.GetTokenAsync(clientId, scope, Resource.AbsoluteUri);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }
        await Server.DisposeAsync();
        await Issuer.DisposeAsync();
    }

    private static string[] Settings(string section, Uri authority, Uri resource) =>
        [$"--{section}:Authority={authority.AbsoluteUri}", $"--{section}:Resource={resource.AbsoluteUri}"];

    private static async Task<TestProcess> StartGatewayAsync(Uri address, Uri server, Uri authority, Uri resource, string[] arguments)
    {
        var gateway = TestProcess.StartProject("src/McpDemo.Gateway",
            ["--urls", address.GetLeftPart(UriPartial.Authority), .. Settings("Gateway:Auth", authority, resource), .. arguments],
            new Dictionary<string, string?> { ["services__server__http__0"] = server.GetLeftPart(UriPartial.Authority) });
        try
        {
            await gateway.WaitForHttpOkAsync(new Uri(address, "health").ToString());
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }
        return gateway;
    }
}
