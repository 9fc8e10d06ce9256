using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace McpDemo.Testing;

/// <summary>
/// An OTLP/HTTP receiver on a free loopback port that keeps every export, its protobuf body read as Latin-1 so span,
/// metric and attribute names (and raw trace ids) can be searched without a protobuf parser.
/// </summary>
public sealed class OtlpSink : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpSink(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>Every export received: its path (<c>/v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>), content type and body.</summary>
    public ConcurrentQueue<(string Path, string? ContentType, string Body)> Received { get; } = new();

    /// <summary>The value for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public string Url { get; }

    /// <summary>Starts a sink.</summary>
    public static async Task<OtlpSink> StartAsync()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        var sink = new OtlpSink(app, url);
        app.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            sink.Received.Enqueue((context.Request.Path, context.Request.ContentType, Encoding.Latin1.GetString(body.ToArray())));
        });
        await app.StartAsync();
        return sink;
    }

    /// <summary>
    /// Waits until an export matches <paramref name="match"/>, and says whether one did within <paramref name="timeout"/>
    /// (exporters send in batches, a moment after the work they report).
    /// </summary>
    public async Task<bool> WaitForExportAsync(Func<(string Path, string? ContentType, string Body), bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Received.Any(match))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            await Task.Delay(200);
        }
        return true;
    }

    /// <summary>
    /// Waits until one export of <paramref name="signal"/> (<c>traces</c>, <c>metrics</c>, <c>logs</c>) contains every one
    /// of <paramref name="texts"/>, failing after <paramref name="timeout"/>.
    /// </summary>
    public async Task WaitForExportContainingAsync(string signal, TimeSpan timeout, params string[] texts)
    {
        if (!await WaitForExportAsync(export => IsOf(export, signal) && texts.All(text => Contains(export, text)), timeout))
        {
            throw new TimeoutException($"No {signal} export within {timeout} contained all of: {string.Join(", ", texts)} ({Received.Count} exports received).");
        }
    }

    /// <summary>Whether any export of <paramref name="signal"/> received so far contains <paramref name="text"/>.</summary>
    public bool AnyExportContains(string signal, string text) => Received.Any(export => IsOf(export, signal) && Contains(export, text));

    /// <summary>How a trace id stands in a protobuf export: its 16 raw bytes, read as Latin-1.</summary>
    public static string Raw(System.Diagnostics.ActivityTraceId id) => Encoding.Latin1.GetString(Convert.FromHexString(id.ToHexString()));

    // Protobuf carries names and string values as UTF-8 bytes; the body keeps each byte as one Latin-1 character.
    private static bool Contains((string Path, string? ContentType, string Body) export, string text) =>
        export.Body.Contains(Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(text)), StringComparison.Ordinal);

    private static bool IsOf((string Path, string? ContentType, string Body) export, string signal) => export.Path == $"/v1/{signal}";

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
