using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace McpDemo.Guards;

/// <summary>The requirement of the OAuth policy on the MCP endpoint: the token grants every scope the request needs (<see cref="ToolScopeMap"/>).</summary>
public sealed class McpScopeRequirement : IAuthorizationRequirement
{
    /// <summary>The policy that requires a valid token with the request's scopes.</summary>
    public const string PolicyName = "McpOAuth";
}

/// <summary>Meets <see cref="McpScopeRequirement"/> when the caller's token grants the scopes its request needs, read from the headers.</summary>
internal sealed class McpScopeAuthorizationHandler(ToolScopeMap scopes) : AuthorizationHandler<McpScopeRequirement, HttpContext>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, McpScopeRequirement requirement, HttpContext resource)
    {
        // An anonymous caller is challenged (401) by the policy's authenticated-user requirement, not refused here.
        if (context.User.Identity?.IsAuthenticated == true && TokenScopes.Grant(context.User, scopes.For(resource.Request)))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// Answers a valid token that lacks a scope with what the MCP spec asks for step-up: HTTP 403 and
/// <c>WWW-Authenticate: Bearer error="insufficient_scope", scope="&lt;every scope needed&gt;", resource_metadata="…"</c>,
/// so the client can ask for a token with more scopes and retry. Everything else goes to ASP.NET Core's default.
/// </summary>
internal sealed class McpScopeResultHandler(ToolScopeMap scopes, IOptions<McpEndpointOptions> options, ILogger<McpScopeResultHandler> logger)
    : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();
    private readonly OAuthResourceOptions _auth = options.Value.Auth;

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden || authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<McpScopeRequirement>().Any() != true)
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }
        var needed = scopes.For(context.Request);
        RefusalLog.Refused(logger, StatusCodes.Status403Forbidden, context.Request.Method, context.Request.Path,
            context.Connection.RemoteIpAddress?.ToString(), $"the token lacks a scope of '{needed}'");
        context.Response.Headers[HeaderNames.WWWAuthenticate] =
            $"Bearer error=\"insufficient_scope\", scope=\"{needed}\", resource_metadata=\"{_auth.MetadataUriFor(context.Request)}\"";
        return JsonRpcRefusal.WriteAsync(context, StatusCodes.Status403Forbidden,
            $"Forbidden: this request needs the scopes '{needed}'. Get a token with them and retry.");
    }
}
