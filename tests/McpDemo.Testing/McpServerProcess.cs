namespace McpDemo.Testing;

/// <summary>
/// A built MCP server project of this repository running as a real process on a free loopback port,
/// in the given session mode, ready once its <c>/health</c> answers 200.
/// </summary>
public sealed class McpServerProcess : IRunningMcpServer
{
    private McpServerProcess(TestProcess process, Uri baseAddress)
    {
        Process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>The running process, with its captured output.</summary>
    public TestProcess Process { get; }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The MCP endpoint, <c>/mcp</c>.</summary>
    public Uri McpEndpoint => new(BaseAddress, "mcp");

    /// <inheritdoc />
    public string Output => Process.Output;

    /// <summary>
    /// Starts <paramref name="projectFolder"/> (e.g. <c>src/McpDemo.Server</c>) with <c>--Mcp:SessionMode=<paramref name="sessionMode"/></c>,
    /// plus <paramref name="environment"/> variables and <paramref name="extraArguments"/>.
    /// </summary>
    public static async Task<McpServerProcess> StartAsync(
        string projectFolder,
        string sessionMode,
        IReadOnlyDictionary<string, string?>? environment = null,
        params string[] extraArguments)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var process = TestProcess.StartProject(
            projectFolder,
            ["--urls", baseAddress.GetLeftPart(UriPartial.Authority), $"--Mcp:SessionMode={sessionMode}", .. extraArguments],
            environment);
        try
        {
            await process.WaitForHttpOkAsync(new Uri(baseAddress, "health").ToString());
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
        return new McpServerProcess(process, baseAddress);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
