using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace McpDemo.ServiceDefaults;

internal static class ParentProcessRegistration
{
    public static void AddParentProcessWatcher(this IHostApplicationBuilder builder)
    {
        if (ParentProcessWatcher.ForPid(builder.Configuration[ParentProcessWatcher.ParentPidVariable]) is { } watcher)
        {
            builder.Services.AddSingleton(watcher);
            builder.Services.AddHostedService<ParentProcessShutdownService>();
        }
    }
}
