namespace McpDemo.Hosting;

/// <summary>How an McpDemo MCP server keeps sessions, as its <c>--Mcp:SessionMode</c> spells it.</summary>
public enum McpServerSessionMode
{
    /// <summary>No sessions: any replica answers any request.</summary>
    Stateless,

    /// <summary>
    /// Legacy sessions for clients that initialize (2025-11-25), stateless for 2026-07-28 clients: a load balancer must
    /// bring a session's requests to a replica that holds it, unless a shared store lets any replica adopt it.
    /// </summary>
    Stateful,
}
