namespace McpDemo.Testing;

/// <summary>An MCP server a test started, whatever its shape: one process, or a whole topology behind a gateway.</summary>
public interface IRunningMcpServer : IAsyncDisposable
{
    /// <summary>The MCP endpoint clients talk to.</summary>
    Uri McpEndpoint { get; }

    /// <summary>Everything the server's processes printed so far, for failure messages.</summary>
    string Output { get; }
}
