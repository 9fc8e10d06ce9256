using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace McpDemo.SharedState;

/// <summary>
/// Puts the shared state middleware first in the pipeline, so the server's Program.cs needs no line for it: with a
/// store, <see cref="SharedStateErrorMiddleware"/>, connecting as the app is built (an outage is logged at start, not
/// at the first request); always, <see cref="LegacySessionStreams"/>.
/// </summary>
internal sealed class SharedStateStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        if (app.ApplicationServices.GetService<StoreConnection>() is not null)
        {
            app.UseMiddleware<SharedStateErrorMiddleware>();
        }
        app.UseMiddleware<LegacySessionStreams>();
        next(app);
    };
}
