using McpDemo.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Xunit;

namespace McpDemo.Client.Tests;

/// <summary>
/// A real Kestrel on a free loopback port that answers HTTP but is no MCP server: a web page at
/// <c>/page</c>, and any status code at <c>/status/{code}</c>.
/// </summary>
public sealed class NotMcpServer : IAsyncLifetime
{
    private WebApplication? _app;

    /// <summary>The server's base address.</summary>
    public string BaseAddress { get; private set; } = "";

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        BaseAddress = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(BaseAddress);
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Map("/page", () => Results.Content("<html><body>Hello, browser.</body></html>", "text/html"));
        _app.Map("/status/{code:int}", (int code) => Results.StatusCode(code));
        await _app.StartAsync();
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
