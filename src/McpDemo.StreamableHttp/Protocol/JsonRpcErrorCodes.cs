using ModelContextProtocol;

namespace McpDemo.StreamableHttp.Protocol;

/// <summary>JSON-RPC error codes the HTTP layer answers with before a message reaches the MCP server.</summary>
internal static class JsonRpcErrorCodes
{
    public const int ParseError = (int)McpErrorCode.ParseError;
    public const int InvalidRequest = (int)McpErrorCode.InvalidRequest;
    public const int InvalidParams = (int)McpErrorCode.InvalidParams;
    public const int HeaderMismatch = (int)McpErrorCode.HeaderMismatch;

    /// <summary>Generic transport-level failure (the implementation-defined server error range).</summary>
    public const int TransportError = -32000;

    /// <summary>Session not found: the code the TypeScript and C# SDKs use for a 404 on an unknown session.</summary>
    public const int SessionNotFound = -32001;
}
