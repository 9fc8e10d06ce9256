using McpDemo.Guards;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Puts McpDemo's guards in front of an MCP endpoint mapped with <c>MapMcp</c>.</summary>
public static class McpGuardsExtensions
{
    /// <summary>
    /// Adds the guards for requests under <paramref name="pattern"/>, in this order:
    /// <list type="number">
    /// <item>refusals get JSON-RPC error bodies: an exception becomes a JSON-RPC error (a client's bad body keeps its
    /// 4xx), and a bodiless 4xx set by routing, authentication or the SDK (405, 415, 401, ...) gets one;</item>
    /// <item>Host and Origin validation (403), <see cref="HostOriginValidationMiddleware"/>;</item>
    /// <item>the request body limit (413), <see cref="RequestBodyLimitMiddleware"/>;</item>
    /// <item>authentication and authorization, so <see cref="RequireMcpApiKey"/> can require a key (401).</item>
    /// </list>
    /// Call it before mapping endpoints; other paths (<c>/health</c>) are left alone, so load balancers probing
    /// a replica by its address are not refused.
    /// </summary>
    public static IApplicationBuilder UseMcpGuards(this IApplicationBuilder app, PathString pattern)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(context => context.Request.Path.StartsWithSegments(pattern), mcp => mcp
            .UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = StatusCodeOf,
                ExceptionHandler = WriteExceptionAsync,
                // A client's bad input is answered, not an incident, and so is a fault an IExceptionHandler turned into
                // an answer (shared state's 424 while its store is away, which its health check reports once): only
                // the rest are logged as errors.
                SuppressDiagnosticsCallback = context => context.ExceptionHandledBy == ExceptionHandledType.ExceptionHandlerService
                    || StatusCodeOf(context.Exception) < StatusCodes.Status500InternalServerError,
            })
            .UseStatusCodePages(context =>
                JsonRpcRefusal.WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode,
                    JsonRpcRefusal.ReasonFor(context.HttpContext.Response.StatusCode)))
            .UseMiddleware<HostOriginValidationMiddleware>()
            .UseMiddleware<RequestBodyLimitMiddleware>());
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// Requires an API key on the endpoints when <c>Mcp:ApiKeys</c> lists any (401 with <c>WWW-Authenticate</c>
    /// otherwise); leaves them open when it lists none.
    /// </summary>
    public static TBuilder RequireMcpApiKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(endpoint =>
        {
            var options = endpoint.ApplicationServices.GetRequiredService<IOptions<McpEndpointOptions>>().Value;
            if (options.ApiKeys.Length > 0)
            {
                endpoint.Metadata.Add(new AuthorizeAttribute(ApiKeyAuthenticationDefaults.PolicyName));
            }
        });
        return builder;
    }

    /// <summary>
    /// A client's fault keeps a 4xx: Kestrel's <see cref="BadHttpRequestException"/> (a body over the limit or cut
    /// short), and a <see cref="System.Text.Json.JsonException"/> the SDK lets escape when a message's params do not
    /// bind (for example a numeric <c>protocolVersion</c> in <c>initialize</c>). Anything else is a server fault.
    /// </summary>
    private static int StatusCodeOf(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        System.Text.Json.JsonException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static Task WriteExceptionAsync(HttpContext context)
    {
        // The selector above has set the status; a 5xx says no more than that, so no internals leak.
        var status = context.Response.StatusCode;
        return JsonRpcRefusal.WriteAsync(context, status,
            status >= StatusCodes.Status500InternalServerError ? "Internal error." : JsonRpcRefusal.ReasonFor(status));
    }
}
