namespace McpDemo.AppHost;

/// <summary>How callers prove who they are to the MCP endpoint, as <c>--auth</c> spells it.</summary>
internal enum AuthMode
{
    /// <summary>OAuth 2.1: the local issuer signs tokens; servers and gateways validate them. The default.</summary>
    OAuth,

    /// <summary>A static API key every caller sends as a bearer token; servers check it.</summary>
    ApiKey,

    /// <summary>Nothing: only for a topology on loopback, never published.</summary>
    None,
}
