using System.Globalization;
using McpDemo.Testing;

namespace McpDemo.AppHost.Tests;

/// <summary>
/// The built AppHost as a process, as <c>dotnet run --project src/McpDemo.AppHost</c> runs it, with its gateway,
/// dashboard, OTLP receiver and resource service on free ports, never a developer's 8080 and 18888.
/// </summary>
internal static class AppHostProcess
{
    /// <summary>A guard so a broken AppHost fails the test instead of hanging it; generous for a loaded 2-core machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <summary>Starts the AppHost with <paramref name="args"/>.</summary>
    public static TestProcess Start(params string[] args) =>
        TestProcess.StartProject("src/McpDemo.AppHost", args, new Dictionary<string, string?>
        {
            ["NO_COLOR"] = "1",
            ["ASPNETCORE_URLS"] = Url(FreePort.Next()),
            ["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = Url(FreePort.Next()),
            ["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = Url(FreePort.Next()),
            ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
        });

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
