using System.Globalization;

namespace McpDemo.Testing;

/// <summary>
/// The built AppHost as a process, as <c>dotnet run --project src/McpDemo.AppHost</c> runs it, with its gateway,
/// dashboard, OTLP receiver and resource service on free ports, never a developer's 8080 and 18888.
/// </summary>
public static class AppHostProcess
{
    /// <summary>A guard so a broken AppHost fails the test instead of hanging it; generous for a loaded 2-core machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    // A publish synthesizes the AWS CDK app with node, which takes longer than starting the topology.
    private static readonly TimeSpan s_publishPatience = TimeSpan.FromMinutes(8);

    /// <summary>Starts the AppHost with <paramref name="args"/>.</summary>
    public static TestProcess Start(params string[] args) =>
        TestProcess.StartProject("src/McpDemo.AppHost", args, new Dictionary<string, string?>
        {
            ["NO_COLOR"] = "1",
            ["ASPNETCORE_URLS"] = Url(FreePort.Next()),
            ["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = Url(FreePort.Next()),
            ["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = Url(FreePort.Next()),
            ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
            // jsii (the AWS CDK step) warns on every run under an older node; the warning is noise in test output.
            ["JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION"] = "1",
        });

    /// <summary>Runs the AppHost to its end, e.g. with <c>--publisher manifest --output-path DIR</c>.</summary>
    public static async Task<AppHostRun> RunAsync(params string[] args)
    {
        await using var process = Start(args);
        var exitCode = await process.WaitForExitAsync(s_publishPatience);
        return new AppHostRun(exitCode, process.Output);
    }

    /// <summary>Starts the default topology with the gateway on <paramref name="gatewayPort"/> and waits until the gateway answers <c>/health</c>.</summary>
    public static async Task<TestProcess> StartHealthyAsync(int gatewayPort)
    {
        var appHost = Start("--gateway-port", gatewayPort.ToString(CultureInfo.InvariantCulture));
        try
        {
            await appHost.WaitForHttpOkAsync($"{Url(gatewayPort)}/health", Patience);
            return appHost;
        }
        catch
        {
            await appHost.DisposeAsync();
            throw;
        }
    }

    private static string Url(int port) => $"http://localhost:{port.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>How a run of the AppHost to its end (<see cref="AppHostProcess.RunAsync"/>) went.</summary>
public sealed record AppHostRun(int ExitCode, string Output)
{
    /// <summary>Fails with the output unless the run succeeded.</summary>
    public AppHostRun EnsureSuccess() =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"The AppHost exited with {ExitCode}:\n{Output}");
}
