using McpDemo.Server.Tests.Tools;
using McpDemo.Testing;
using ModelContextProtocol.Client;
using Xunit;

namespace McpDemo.Server.Tests.Lambda;

/// <summary>
/// The server started the way the Lambda Web Adapter starts it (the native binary when eng/test.sh runs the tests
/// against it): no command-line URL, only the environment McpLambdaStack sets, the bootstrap's arguments, and
/// readiness read from the adapter's readiness path on the adapter's port. Then both protocol eras are driven through
/// that port, countdown's progress over a streamed (SSE) response included, as the adapter's response_stream mode
/// passes it on.
/// </summary>
public sealed class LambdaShapedRunTests
{
    [Fact]
    public async Task ServerStartedLikeTheAdapterDoes_AnswersBothEras_WithProgressStreamed()
    {
        var port = FreePort.Next();
        // As McpLambdaStack.LambdaEnvironment writes them; the adapter forwards to AWS_LWA_PORT once the readiness path answers.
        var environment = new Dictionary<string, string?>
        {
            ["AWS_LWA_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AWS_LWA_READINESS_CHECK_PATH"] = "/health",
            ["AWS_LWA_INVOKE_MODE"] = "response_stream",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Mcp__AllowedHosts__0"] = "*",
            ["OTEL_SERVICE_NAME"] = "server",
            ["OTEL_RESOURCE_ATTRIBUTES"] = "service.instance.id=lambda-shaped",
        };
        // The bootstrap's arguments: Lambda serves stateless only.
        await using var server = McpServerProcess.StartServer(["--Mcp:SessionMode=Stateless"], environment);
        var adapterTarget = new Uri($"http://127.0.0.1:{environment["AWS_LWA_PORT"]}");
        await server.WaitForHttpOkAsync(new Uri(adapterTarget, environment["AWS_LWA_READINESS_CHECK_PATH"]).ToString());

        await using var current = await ConnectAsync(adapterTarget, "2026-07-28");
        var pong = await current.CallToolAsync("ping");
        await using var progress = new ProgressRecorder(current);
        var countdown = await current.CallToolAsync("countdown", new Dictionary<string, object?> { ["steps"] = 3, ["intervalMs"] = 10 },
            options: progress.Options);
        await progress.WaitForAsync(3);
        await using var legacy = await ConnectAsync(adapterTarget, "2025-11-25");
        var legacyPong = await legacy.CallToolAsync("ping");

        Assert.StartsWith("pong! instance=lambda-shaped", PingToolTests.ErrorText(pong));
        Assert.Equal("liftoff after 3 steps", PingToolTests.ErrorText(countdown));
        Assert.Equal([1f, 2f, 3f], progress.Values.Select(value => value.Progress).Order());
        Assert.Equal("2025-11-25", legacy.NegotiatedProtocolVersion);
        Assert.Null(legacy.SessionId);
        Assert.StartsWith("pong! instance=lambda-shaped", PingToolTests.ErrorText(legacyPong));
    }

    private static Task<McpClient> ConnectAsync(Uri server, string protocolVersion) =>
        McpClient.CreateAsync(
            new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(server, "mcp"), TransportMode = HttpTransportMode.StreamableHttp }),
            new McpClientOptions { ProtocolVersion = protocolVersion, DiscoverProbeTimeout = TimeSpan.FromSeconds(30) });
}
