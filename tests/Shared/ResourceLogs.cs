using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace McpDemo.Testing;

/// <summary>
/// What a resource of an app under Aspire.Hosting.Testing wrote to its console. Compiled into each test project that runs
/// the AppHost in-process, so McpDemo.Testing, which every test project references, stays free of Aspire's hosting packages.
/// </summary>
internal static class ResourceLogs
{
    /// <summary>The lines <paramref name="resource"/> has written so far, in order.</summary>
    public static async Task<IReadOnlyList<string>> LinesOfAsync(this DistributedApplication app, string resource)
    {
        var lines = new List<string>();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        await foreach (var batch in app.Services.GetRequiredService<ResourceLoggerService>().GetAllAsync(model.Resources.Single(r => r.Name == resource)))
        {
            lines.AddRange(batch.Select(line => line.Content));
        }
        return lines;
    }
}
