using McpDemo.Guards;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// McpDemo's guards in front of an MCP endpoint mapped with <c>MapMcp</c>, one call per middleware so the app's
/// <c>Program.cs</c> shows each in order, plus the endpoint conventions they rely on. Paths other than the MCP
/// endpoint's (<c>/health</c>) are left alone, so load balancers probing a replica by its address are not refused.
/// </summary>
public static class McpGuardsExtensions
{
    /// <summary>
    /// Gives every refusal under <paramref name="pattern"/> a JSON-RPC error body: an exception becomes a JSON-RPC
    /// error (a client's bad body keeps its 4xx; anything else is a 500 that says no more), and a bodiless 4xx set by
    /// routing, authentication, Kestrel or the SDK (405, 415, 401, 413, ...) gets one. Call it first.
    /// </summary>
    public static IApplicationBuilder UseMcpRefusals(this IApplicationBuilder app, PathString pattern)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseWhen(context => context.Request.Path.StartsWithSegments(pattern), mcp => mcp
            .UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = StatusCodeOf,
                ExceptionHandler = WriteExceptionAsync,
                // A client's bad input is answered, not an incident: only server faults are logged as errors.
                SuppressDiagnosticsCallback = context => StatusCodeOf(context.Exception) < StatusCodes.Status500InternalServerError,
            })
            .UseStatusCodePages(context =>
                JsonRpcRefusal.WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode,
                    JsonRpcRefusal.ReasonFor(context.HttpContext.Response.StatusCode))));
    }

    /// <summary>
    /// Refuses (403) requests under <paramref name="pattern"/> whose Host or Origin names another site
    /// (<see cref="HostOriginValidationMiddleware"/>, <c>Mcp:AllowedHosts</c> and <c>Mcp:AllowedOrigins</c>).
    /// </summary>
    public static IApplicationBuilder UseHostOriginValidation(this IApplicationBuilder app, PathString pattern)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseWhen(context => context.Request.Path.StartsWithSegments(pattern),
            mcp => mcp.UseMiddleware<HostOriginValidationMiddleware>());
    }

    /// <summary>
    /// Requires the configured credential on the endpoints: an OAuth access token with the request's scopes when
    /// <c>Mcp:Auth:Authority</c> is set (401, or 403 <c>insufficient_scope</c>), else an API key when <c>Mcp:ApiKeys</c>
    /// lists any (401 with <c>WWW-Authenticate</c> otherwise); leaves them open when neither is. Needs
    /// <c>UseAuthentication</c> and <c>UseAuthorization</c>.
    /// </summary>
    public static TBuilder RequireMcpAuthorization<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(endpoint =>
        {
            var options = Options(endpoint);
            if (options.Auth.IsEnabled)
            {
                endpoint.Metadata.Add(new AuthorizeAttribute(McpScopeRequirement.PolicyName));
            }
            else if (options.ApiKeys.Length > 0)
            {
                endpoint.Metadata.Add(new AuthorizeAttribute(ApiKeyAuthenticationDefaults.PolicyName));
            }
        });
        return builder;
    }

    /// <summary>
    /// Limits the endpoints' request bodies to <c>Mcp:MaxRequestBodySize</c> (413 beyond it), through ASP.NET Core's
    /// request size limit metadata, which routing applies to the request as it selects the endpoint: a declared length
    /// over the limit is refused before the body is read, a chunked body as it grows past it.
    /// </summary>
    public static TBuilder WithMcpRequestSizeLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(endpoint => endpoint.Metadata.Add(new RequestSizeLimit(Options(endpoint).MaxRequestBodySize)));
        return builder;
    }

    private static McpEndpointOptions Options(EndpointBuilder endpoint) =>
        endpoint.ApplicationServices.GetRequiredService<IOptions<McpEndpointOptions>>().Value;

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

    private sealed record RequestSizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
