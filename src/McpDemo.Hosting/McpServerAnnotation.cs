using Aspire.Hosting.ApplicationModel;

namespace McpDemo.Hosting;

/// <summary>
/// Marks a project as an McpDemo MCP server and says how it keeps sessions, for deployment steps that place it
/// behind a load balancer (and make that balancer sticky when sessions live on one replica).
/// </summary>
/// <param name="sessionMode">How the server keeps sessions.</param>
public sealed class McpServerAnnotation(McpServerSessionMode sessionMode) : IResourceAnnotation
{
    /// <summary>How the server keeps sessions.</summary>
    public McpServerSessionMode SessionMode { get; } = sessionMode;
}
