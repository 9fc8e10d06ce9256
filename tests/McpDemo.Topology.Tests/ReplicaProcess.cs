using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using McpDemo.Testing;

namespace McpDemo.Topology.Tests;

/// <summary>The process of a running replica, to kill it as a crash would.</summary>
/// <param name="ReportedPid">The pid DCP reports: the <c>dotnet run</c> it starts the project with.</param>
/// <param name="AppPid">The server app itself: that process's child, or the process itself when it runs the app directly.</param>
internal sealed record ReplicaProcess(int ReportedPid, int AppPid)
{
    /// <summary>Waits until <paramref name="resource"/> runs a process other than <paramref name="previous"/>, and returns it.</summary>
    public static async Task<ReplicaProcess> OfAsync(DistributedApplication app, string resource, CancellationToken cancellationToken, ReplicaProcess? previous = null)
    {
        var running = await app.ResourceNotifications.WaitForResourceAsync(
            resource,
            e => e.Snapshot.State?.Text == KnownResourceStates.Running && PidOf(e.Snapshot) is { } pid && pid != previous?.ReportedPid,
            cancellationToken);
        var reported = PidOf(running.Snapshot)!.Value;
        return new ReplicaProcess(reported, ProcessTree.ChildrenOf(reported) is [var child] ? child : reported);
    }

    private static int? PidOf(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } value
        && int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
}
