using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using McpDemo.Testing;

namespace McpDemo.Gateway.Tests;

/// <summary>
/// An OTLP/HTTP endpoint on a free loopback port that keeps what it receives. Protobuf carries attribute names and
/// string values as plain UTF-8, so a test can look for them in the raw exports without decoding them.
/// </summary>
internal sealed class OtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Signal, byte[] Body)> _exports = new();

    private OtlpCollector(int port)
    {
        Endpoint = $"http://127.0.0.1:{port}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        _app = builder.Build();
        _app.MapPost("/v1/{signal}", async (string signal, HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            _exports.Enqueue((signal, body.ToArray()));
            return Results.Ok();
        });
    }

    /// <summary>The address to give as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public string Endpoint { get; }

    /// <summary>Starts a collector on a free port.</summary>
    public static async Task<OtlpCollector> StartAsync()
    {
        var collector = new OtlpCollector(FreePort.Next());
        await collector._app.StartAsync();
        return collector;
    }

    /// <summary>
    /// Waits until one export of <paramref name="signal"/> (<c>traces</c>, <c>metrics</c>) contains every one of
    /// <paramref name="texts"/>, failing after <paramref name="timeout"/>.
    /// </summary>
    public async Task WaitForExportContainingAsync(string signal, TimeSpan timeout, params string[] texts)
    {
        var patterns = texts.Select(Encoding.UTF8.GetBytes).ToArray();
        var deadline = DateTime.UtcNow + timeout;
        while (!_exports.Any(export => export.Signal == signal && patterns.All(pattern => export.Body.AsSpan().IndexOf(pattern) >= 0)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No {signal} export within {timeout} contained all of: {string.Join(", ", texts)} ({_exports.Count} exports received).");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>Whether any export of <paramref name="signal"/> received so far contains <paramref name="text"/>.</summary>
    public bool AnyExportContains(string signal, string text)
    {
        var pattern = Encoding.UTF8.GetBytes(text);
        return _exports.Any(export => export.Signal == signal && export.Body.AsSpan().IndexOf(pattern) >= 0);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
