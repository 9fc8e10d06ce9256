using System.ComponentModel;
using McpDemo.ServiceDefaults;
using McpDemo.Guards;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.Server.Tools;

/// <summary>The <c>whoami</c> tool: which instance, mode and session served the call.</summary>
[McpServerToolType]
public sealed class WhoAmITool(ServiceIdentity identity, IOptions<McpEndpointOptions> endpointOptions)
{
    /// <summary>Answers <c>instance=&lt;id&gt; mode=&lt;mode&gt; session=&lt;id or none&gt;</c> plus the same as structured content.</summary>
    [McpServerTool(Name = "whoami", Title = "Who am I", ReadOnly = true, Idempotent = true, OpenWorld = false, OutputSchemaType = typeof(WhoAmIResult))]
    [Description("Tells which server instance answered, whether it runs stateless or stateful, and the MCP session id (none when stateless).")]
    public CallToolResult WhoAmI(McpServer server)
    {
        var result = new WhoAmIResult(identity.InstanceId, endpointOptions.Value.SessionMode.ToString(), server.SessionId);
        return ToolJson.TextAndStructured($"instance={result.Instance} mode={result.Mode} session={result.SessionId ?? "none"}", result, ToolJsonContext.Default.WhoAmIResult);
    }
}

/// <summary>The structured answer of <c>whoami</c>.</summary>
/// <param name="Instance">The instance id of the replica that answered.</param>
/// <param name="Mode"><c>Stateless</c> or <c>Stateful</c>.</param>
/// <param name="SessionId">The <c>Mcp-Session-Id</c>, or <see langword="null"/> without a session.</param>
public sealed record WhoAmIResult(string Instance, string Mode, string? SessionId);
