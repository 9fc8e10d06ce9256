namespace McpDemo.Testing;

/// <summary>
/// A built MCP server project of this repository running as a real process on a free loopback port,
/// in the given session mode, ready once its <c>/health</c> answers 200. McpDemo.Server runs as the NativeAOT binary
/// <see cref="NativeServerVariable"/> names when it is set (eng/test.sh publishes one), else under the JIT.
/// </summary>
public sealed class McpServerProcess : IRunningMcpServer
{
    private McpServerProcess(TestProcess process, Uri baseAddress)
    {
        Process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>
    /// The environment variable that names a NativeAOT build of McpDemo.Server (<c>DIR/McpDemo.Server</c> from
    /// <c>dotnet publish src/McpDemo.Server -p:PublishAot=true -o DIR</c>): every test that starts the server starts it.
    /// </summary>
    public const string NativeServerVariable = "MCPDEMO_SERVER_BINARY";

    private const string ServerProject = "src/McpDemo.Server";

    /// <summary>The NativeAOT server binary the tests run, or <see langword="null"/> to run the server under the JIT.</summary>
    public static string? NativeServerBinary =>
        Environment.GetEnvironmentVariable(NativeServerVariable) is { Length: > 0 } binary
            ? File.Exists(binary) ? Path.GetFullPath(binary) : throw new FileNotFoundException($"{NativeServerVariable} names no file.", binary)
            : null;

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
    public static Task<McpServerProcess> StartAsync(
        string projectFolder,
        string sessionMode,
        IReadOnlyDictionary<string, string?>? environment = null,
        params string[] extraArguments) =>
        StartAsync(projectFolder, new Uri($"http://127.0.0.1:{FreePort.Next()}/"), sessionMode, environment, extraArguments);

    /// <summary>Starts <paramref name="projectFolder"/> as the other overload does, listening at <paramref name="baseAddress"/>.</summary>
    public static async Task<McpServerProcess> StartAsync(
        string projectFolder,
        Uri baseAddress,
        string sessionMode,
        IReadOnlyDictionary<string, string?>? environment,
        params string[] extraArguments)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        string[] arguments = ["--urls", baseAddress.GetLeftPart(UriPartial.Authority), $"--Mcp:SessionMode={sessionMode}", .. extraArguments];
        var process = projectFolder == ServerProject
            ? StartServer(arguments, environment)
            : TestProcess.StartProject(projectFolder, arguments, environment);
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

    /// <summary>
    /// Starts McpDemo.Server with <paramref name="arguments"/> and <paramref name="environment"/> alone (no <c>--urls</c>
    /// added), as the NativeAOT binary when <see cref="NativeServerVariable"/> names one, else under the JIT.
    /// </summary>
    public static TestProcess StartServer(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        NativeServerBinary is { } binary
            ? TestProcess.Start(binary, arguments, environment)
            : TestProcess.StartProject(ServerProject, arguments, environment);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
