namespace McpDemo.Guards;

/// <summary>
/// The server's OAuth settings (<c>Mcp:Auth</c>): the issuer and resource of <see cref="OAuthResourceOptions"/>, and
/// the scopes tools need beyond <see cref="OAuthResourceOptions.RequiredScope"/>.
/// </summary>
public sealed class McpAuthOptions : OAuthResourceOptions
{
    /// <summary>The scope every MCP request needs unless <see cref="OAuthResourceOptions.RequiredScope"/> names another.</summary>
    public const string ToolsScope = "mcp:tools";

    /// <summary>The scope of tools that act on the user's behalf; <c>confirm_action</c> needs it by default.</summary>
    public const string ConfirmScope = "mcp:confirm";

    /// <summary>
    /// The scope a tool needs besides <see cref="OAuthResourceOptions.RequiredScope"/>, by tool name (<c>Mcp:Auth:ToolScopes:&lt;tool&gt;=&lt;scope&gt;</c>
    /// adds or changes one; an empty value leaves that tool at the required scope alone). Default: <c>confirm_action</c>
    /// needs <see cref="ConfirmScope"/>.
    /// </summary>
    public Dictionary<string, string> ToolScopes { get; set; } = new(StringComparer.Ordinal) { ["confirm_action"] = ConfirmScope };
}
