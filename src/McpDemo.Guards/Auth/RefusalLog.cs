using Microsoft.Extensions.Logging;

namespace McpDemo.Guards;

/// <summary>The one log line of a refused credential: what was refused and why, never the credential itself.</summary>
internal static partial class RefusalLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path} from {Address} with {Status}: {Reason}.")]
    public static partial void Refused(ILogger logger, int status, string method, string path, string? address, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused tools/call {Tool} with a JSON-RPC error: the token lacks a scope of '{Scopes}'.")]
    public static partial void RefusedToolCall(ILogger logger, string tool, string scopes);
}
