namespace McpDemo.Identity;

/// <summary>The scopes MCP resource servers of this demo understand.</summary>
public static class McpScopes
{
    /// <summary>Needed by every MCP request.</summary>
    public const string Tools = "mcp:tools";

    /// <summary>Needed, in addition, by tools that act (by default <c>confirm_action</c>).</summary>
    public const string Confirm = "mcp:confirm";

    /// <summary>Every scope the issuer registers.</summary>
    public static readonly string[] All = [Tools, Confirm];
}
