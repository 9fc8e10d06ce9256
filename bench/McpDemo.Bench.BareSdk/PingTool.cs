using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.Bench.BareSdk;

/// <summary>What ping answers with: this server's instance id and version.</summary>
/// <param name="Instance">The instance id put in every answer.</param>
/// <param name="Version">The version put in every answer.</param>
public sealed record PingIdentity(string Instance, string Version);

/// <summary>The <c>ping</c> tool in the shape of McpDemo.Server's: same name, annotations, arguments and answer.</summary>
[McpServerToolType]
public sealed class PingTool(PingIdentity identity)
{
    /// <summary>Answers <c>pong! instance=&lt;id&gt; v=&lt;version&gt; d=&lt;ms&gt;</c> plus the same as structured content.</summary>
    [McpServerTool(Name = "ping", Title = "Ping", ReadOnly = true, Idempotent = true, OpenWorld = false, OutputSchemaType = typeof(PingResult))]
    [Description("Answers 'pong!' with the server instance and version that served the call, after an optional delay.")]
    public async Task<CallToolResult> PingAsync(
        [Description("Milliseconds to wait before answering, 0 to 10000. Default 0.")] int delayMs = 0,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(delayMs);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(delayMs, 10_000);
        if (delayMs > 0)
        {
            await Task.Delay(delayMs, cancellationToken);
        }
        var result = new PingResult(identity.Instance, identity.Version, delayMs);
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = $"pong! instance={result.Instance} v={result.Version} d={result.DelayMs}" }],
            StructuredContent = JsonSerializer.SerializeToElement(result, BareSdkJsonContext.Default.PingResult),
        };
    }
}

/// <summary>The structured answer of <c>ping</c>.</summary>
/// <param name="Instance">The instance id of the server that answered.</param>
/// <param name="Version">Its version.</param>
/// <param name="DelayMs">The delay it waited, in milliseconds.</param>
public sealed record PingResult(string Instance, string Version, int DelayMs);

/// <summary>Source-generated JSON for the tool's own types, camelCase as MCP clients expect.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PingResult))]
[JsonSerializable(typeof(int))]
internal sealed partial class BareSdkJsonContext : JsonSerializerContext;
