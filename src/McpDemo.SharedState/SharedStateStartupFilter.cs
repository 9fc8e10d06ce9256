using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace McpDemo.SharedState;

/// <summary>
/// Puts <see cref="SharedStateErrorMiddleware"/> first in the pipeline, so the server's Program.cs needs no line for
/// it, and connects to the store as the app is built: the outage warning, if any, is logged at start, not at the
/// first request.
/// </summary>
internal sealed class SharedStateStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        _ = app.ApplicationServices.GetRequiredService<StoreConnection>();
        app.UseMiddleware<SharedStateErrorMiddleware>();
        next(app);
    };
}
