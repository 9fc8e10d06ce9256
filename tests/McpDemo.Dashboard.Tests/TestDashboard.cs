using McpDemo.Testing;

namespace McpDemo.Dashboard.Tests;

/// <summary>Starts a dashboard on free loopback ports with an in-memory resource source.</summary>
internal static class TestDashboard
{
    public static Task<RunningDashboard> StartAsync(InMemoryResourceStateSource? resources = null, DashboardOptions? options = null) =>
        DashboardHost.StartAsync(
            (options ?? new DashboardOptions()) with
            {
                DashboardUrl = $"http://127.0.0.1:{FreePort.Next()}",
                OtlpUrl = $"http://127.0.0.1:{FreePort.Next()}",
            },
            resources ?? new InMemoryResourceStateSource());
}
