using System.Net.Http.Json;
using System.Text.Json;
using McpDemo.Hosting;
using McpDemo.Hosting.Orchestration;
using McpDemo.Testing;

namespace McpDemo.AppHost.Tests;

/// <summary>Builders and probes for topologies of the test service, run in-process on free ports.</summary>
internal static class TestTopology
{
    public static string ServiceProject { get; } =
        Path.Combine(RepoLayout.Root, "tests/McpDemo.AppHost.TestService/McpDemo.AppHost.TestService.csproj");

    /// <summary>A generous guard so a broken orchestrator fails the test instead of hanging it.</summary>
    public static TimeSpan Patience { get; } = TimeSpan.FromSeconds(90);

    public static DistributedApplicationBuilder CreateBuilder(Action<DistributedApplicationOptions>? configure = null, params string[] args)
    {
        var options = new DistributedApplicationOptions
        {
            ConsoleOutput = null,
            ProjectConfiguration = RepoLayout.Configuration,
            RestartDelay = TimeSpan.FromMilliseconds(300),
            MaxRestartDelay = TimeSpan.FromSeconds(10),
            StartupTimeout = Patience,
            // Tests that want the dashboard ask for it on free ports; the rest do without.
            DashboardUrl = null,
        };
        configure?.Invoke(options);
        RepoLayout.ProjectDll("tests/McpDemo.AppHost.TestService");
        return DistributedApplication.CreateBuilder(options, args);
    }

    /// <summary>What a running test service reports about itself: its pid and the environment it was given.</summary>
    public static async Task<ServiceReport> GetReportAsync(Uri serviceUrl)
    {
        using var http = new HttpClient();
        var report = await http.GetFromJsonAsync<ServiceReport>(new Uri(serviceUrl, "/env"), JsonSerializerOptions.Web);
        return report!;
    }

    /// <summary>Waits until a replica has written a line containing <paramref name="text"/>.</summary>
    public static async Task<string> WaitForOutputAsync(DistributedApplication app, string replicaId, string text)
    {
        using var cancellation = new CancellationTokenSource(Patience);
        while (true)
        {
            if (app.GetOutput(replicaId).FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }
            if (cancellation.IsCancellationRequested)
            {
                throw new TimeoutException($"{replicaId} never wrote '{text}'. Its output:\n{string.Join('\n', app.GetOutput(replicaId))}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until none of <paramref name="pids"/> is alive; fails naming the survivors.</summary>
    public static async Task WaitUntilGoneAsync(IEnumerable<int> pids, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (pids.Any(ProcessTree.IsAlive))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still alive: {string.Join(", ", pids.Where(ProcessTree.IsAlive))}");
            }
            await Task.Delay(100);
        }
    }
}

/// <summary>The test service's <c>/env</c> answer.</summary>
internal sealed record ServiceReport(int Pid, Dictionary<string, string> Environment);
