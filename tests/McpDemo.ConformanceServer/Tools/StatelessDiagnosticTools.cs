using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.ConformanceServer.Tools;

/// <summary>
/// The diagnostic tools of the <c>server-stateless</c> scenario (SEP-2575): each lets the suite watch a behaviour
/// of the SDK that ordinary tools never trigger.
/// </summary>
[McpServerToolType]
internal sealed class StatelessDiagnosticTools
{
    [McpServerTool(Name = "test_missing_capability")]
    [Description("Needs the client's sampling capability; without it the call is refused with -32021.")]
    public static string MissingCapability(RequestContext<CallToolRequestParams> request) =>
        request.Server.ClientCapabilities?.Sampling is not null
            ? "the client declared sampling"
            : throw new MissingRequiredClientCapabilityException(new ClientCapabilities { Sampling = new() }, "This tool needs the sampling capability.");

    [McpServerTool(Name = "test_streaming_elicitation")]
    [Description("Answers with its result only: a 2026-07-28 response stream carries no server-to-client requests.")]
    public static string StreamingElicitation() => "result only: no requests on the response stream";

    [McpServerTool(Name = "test_logging_tool")]
    [Description("Logs through the client logger, which the SDK drops unless the request's _meta sets a logLevel.")]
    public static string LoggingTool(RequestContext<CallToolRequestParams> request)
    {
        request.Server.AsClientLoggerProvider().CreateLogger(nameof(StatelessDiagnosticTools)).LogInformation("test_logging_tool ran");
        return "logged through the client logger";
    }
}
