namespace McpDemo.Gateway.Mcp;

/// <summary>How the gateway treats the MCP request headers (<c>Gateway:Routing</c>).</summary>
public sealed class McpRoutingOptions
{
    /// <summary>
    /// Whether the gateway also reads each small POST body and answers 400 (-32020) when its <c>method</c> or
    /// <c>params.name</c>/<c>params.uri</c> differ from the headers; a legacy request without the headers is then
    /// metered by its body. Default <see langword="false"/>: replicas on the official MCP transport already reject a
    /// mismatch, so a client that lies in its headers gets an error, not a call past its limit (see the README).
    /// </summary>
    public bool CheckBody { get; set; }
}
