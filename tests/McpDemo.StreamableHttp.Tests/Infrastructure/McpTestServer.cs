using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace McpDemo.StreamableHttp.Tests.Infrastructure;

/// <summary>A real Kestrel on a free loopback port serving the library at <c>/mcp</c> with <see cref="TestTools"/>.</summary>
public sealed class McpTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private McpTestServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
        Http = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Endpoint { get; }

    /// <summary>A client with no MCP defaults: tests set every header themselves.</summary>
    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public ToolProbe Probe => _app.Services.GetRequiredService<ToolProbe>();

    public static Task<McpTestServer> StartAsync(
        McpSessionMode mode,
        Action<McpHttpOptions>? configure = null,
        Action<WebApplicationBuilder>? configureBuilder = null,
        Action<WebApplication>? configureApp = null) =>
        StartWithArgsAsync([], options =>
        {
            options.SessionMode = mode;
            configure?.Invoke(options);
        }, configureBuilder, configureApp);

    /// <summary>Starts a server configured by command-line arguments (such as <c>--Mcp:SessionMode=Stateful</c>) alone.</summary>
    public static async Task<McpTestServer> StartWithArgsAsync(
        string[] args,
        Action<McpHttpOptions>? configure = null,
        Action<WebApplicationBuilder>? configureBuilder = null,
        Action<WebApplication>? configureApp = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<ToolProbe>();
        builder.Services.AddHttpContextAccessor();
        configureBuilder?.Invoke(builder);
        builder.Services
            .AddMcpServer(options => options.ServerInfo = new() { Name = "streamable-http-tests", Version = "1.0.0" })
            .WithTools<TestTools>()
            .WithStreamableHttpTransport(builder.Configuration, configure);

        var app = builder.Build();
        configureApp?.Invoke(app);
        try
        {
            app.MapStreamableHttp("/mcp");
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new McpTestServer(app, new Uri(address + "/mcp"));
    }

    /// <summary>POSTs a JSON-RPC body with the headers a conforming client sends, unless the test overrides them.</summary>
    public Task<HttpResponseMessage> PostAsync(
        string json,
        string? sessionId = null,
        string accept = "application/json, text/event-stream",
        string contentType = "application/json",
        Action<HttpRequestMessage>? configure = null,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead,
        CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new StringContent(json, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (sessionId is not null)
        {
            request.Headers.Add("Mcp-Session-Id", sessionId);
        }

        configure?.Invoke(request);
        return Http.SendAsync(request, completion, cancellationToken);
    }

    /// <summary>Sends a bodiless request (GET, DELETE), returning once the headers arrive so streams can be read as they come.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string? sessionId, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, Endpoint);
        if (sessionId is not null)
        {
            request.Headers.Add("Mcp-Session-Id", sessionId);
        }

        configure?.Invoke(request);
        return await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    /// <summary>Initializes a session (stateful mode) and returns its id.</summary>
    public async Task<string> InitializeSessionAsync(Action<HttpRequestMessage>? configure = null)
    {
        using var response = await PostAsync(JsonRpc.Initialize(), configure: configure);
        response.EnsureSuccessStatusCode();
        var sessionId = response.Headers.GetValues("Mcp-Session-Id").Single();
        using var initialized = await PostAsync(JsonRpc.Notification("notifications/initialized"), sessionId, configure: configure);
        initialized.EnsureSuccessStatusCode();
        return sessionId;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
