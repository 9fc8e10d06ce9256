using System.ComponentModel;
using McpDemo.ServiceDefaults;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.Server.Tools;

/// <summary>The <c>ping</c> tool: says which instance and version answered, after an optional delay.</summary>
[McpServerToolType]
public sealed class PingTool(ServiceIdentity identity)
{
    /// <summary>The largest accepted delay.</summary>
    public const int MaxDelayMs = 10_000;

    /// <summary>Answers <c>pong! instance=&lt;id&gt; v=&lt;version&gt; d=&lt;ms&gt;</c> plus the same as structured content.</summary>
    [McpServerTool(Name = "ping", Title = "Ping", ReadOnly = true, Idempotent = true, OpenWorld = false, OutputSchemaType = typeof(PingResult))]
    [Description("Answers 'pong!' with the server instance and version that served the call, after an optional delay.")]
    public async Task<CallToolResult> PingAsync(
        [Description("Milliseconds to wait before answering, 0 to 10000. Default 0.")] int delayMs = 0,
        CancellationToken cancellationToken = default)
    {
        ToolArguments.InRange(delayMs, 0, MaxDelayMs);
        if (delayMs > 0)
        {
            await Task.Delay(delayMs, cancellationToken);
        }
        var result = new PingResult(identity.InstanceId, identity.Version, delayMs);
        return ToolJson.TextAndStructured($"pong! instance={result.Instance} v={result.Version} d={result.DelayMs}", result, ToolJsonContext.Default.PingResult);
    }
}

/// <summary>The structured answer of <c>ping</c>.</summary>
/// <param name="Instance">The instance id of the replica that answered.</param>
/// <param name="Version">Its version.</param>
/// <param name="DelayMs">The delay it waited, in milliseconds.</param>
public sealed record PingResult(string Instance, string Version, int DelayMs);
