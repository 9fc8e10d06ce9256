using System.CommandLine;
using McpDemo.Client.Connection;

namespace McpDemo.Client.CommandLine;

/// <summary>
/// <c>--protocol VERSION</c>, valid on every command: pins the MCP revision. Without it the client speaks the
/// newest the server offers (2026-07-28, sessionless), falling back to the initialize handshake for older servers.
/// </summary>
internal sealed class ProtocolOption : Option<string?>
{
    public ProtocolOption()
        : base("--protocol")
    {
        Description = $"The MCP revision to speak; {ConnectionOptions.SessionProtocolVersion} opens a legacy session on a stateful server [default: the newest the server offers]";
        HelpName = "version";
        Recursive = true;
        // The revisions the SDK speaks (its own list is internal).
        AcceptOnlyFromAmong(ConnectionOptions.SessionlessProtocolVersion, ConnectionOptions.SessionProtocolVersion, "2025-06-18", "2025-03-26", "2024-11-05");
    }
}
