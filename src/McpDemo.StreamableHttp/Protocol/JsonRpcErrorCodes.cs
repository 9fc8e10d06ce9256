namespace McpDemo.StreamableHttp.Protocol;

/// <summary>JSON-RPC error codes the HTTP layer answers with before a message reaches the MCP server.</summary>
internal static class JsonRpcErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int InvalidParams = -32602;

    /// <summary>Generic transport-level failure (the implementation-defined server error range).</summary>
    public const int TransportError = -32000;

    /// <summary>Session not found: the code the TypeScript and C# SDKs use for a 404 on an unknown session.</summary>
    public const int SessionNotFound = -32001;
}
