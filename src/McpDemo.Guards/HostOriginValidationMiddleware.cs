using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace McpDemo.Guards;

/// <summary>
/// Refuses (403) requests whose <c>Host</c> or <c>Origin</c> names a site other than this machine or an allowed
/// one. A web page can make a browser resolve its own name to 127.0.0.1 (DNS rebinding) and so reach a local
/// MCP server; such requests still carry that site's name in Host and Origin, which is what this checks.
/// ASP.NET Core's host filtering answers 400 and ignores Origin, and the MCP spec asks for both to be checked.
/// </summary>
public sealed class HostOriginValidationMiddleware
{
    private static readonly string[] s_loopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    private readonly RequestDelegate _next;
    private readonly string[] _allowedHosts;
    private readonly string[] _allowedOrigins;
    private readonly bool _anyHost;
    private readonly bool _anyOrigin;

    /// <summary>Creates the middleware from <see cref="McpEndpointOptions.AllowedHosts"/> and <see cref="McpEndpointOptions.AllowedOrigins"/>.</summary>
    public HostOriginValidationMiddleware(RequestDelegate next, IOptions<McpEndpointOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _next = next;
        var value = options.Value;
        _anyHost = value.AllowedHosts.Contains("*");
        _anyOrigin = value.AllowedOrigins.Contains("*");
        _allowedHosts = value.AllowedHosts;
        _allowedOrigins = [.. value.AllowedOrigins.Select(origin => origin.TrimEnd('/'))];
    }

    /// <summary>Passes the request on, or answers 403 with a JSON-RPC error.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_anyHost && !IsAllowedHost(context.Request.Headers.Host.ToString()))
        {
            return JsonRpcRefusal.WriteAsync(context, StatusCodes.Status403Forbidden,
                "Forbidden: the Host header does not name this server. Add the host to Mcp:AllowedHosts to allow it.");
        }
        var origin = context.Request.Headers.Origin;
        if (origin.Count > 0 && !_anyOrigin && !(origin.Count == 1 && IsAllowedOrigin(origin.ToString())))
        {
            return JsonRpcRefusal.WriteAsync(context, StatusCodes.Status403Forbidden,
                "Forbidden: the Origin header names another site. Add the origin to Mcp:AllowedOrigins to allow it.");
        }
        return _next(context);
    }

    // Runs on every MCP request: spans and loops, so a request allocates nothing here.
    private bool IsAllowedHost(string host)
    {
        if (host.Length == 0)
        {
            return false;
        }
        var name = StripPort(host);
        foreach (var loopback in s_loopbackHosts)
        {
            if (name.Equals(loopback, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        foreach (var allowed in _allowedHosts)
        {
            if (name.Equals(allowed, StringComparison.OrdinalIgnoreCase) || host.Equals(allowed, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private bool IsAllowedOrigin(string origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }
        var trimmed = origin.TrimEnd('/');
        return s_loopbackHosts.Any(loopback => uri.Host.Equals(loopback, StringComparison.OrdinalIgnoreCase))
            || _allowedOrigins.Any(allowed => trimmed.Equals(allowed, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Drops a trailing <c>:port</c>, minding bracketed IPv6 literals such as <c>[::1]:8080</c>.</summary>
    private static ReadOnlySpan<char> StripPort(string hostAndPort)
    {
        var colon = hostAndPort.LastIndexOf(':');
        return colon > hostAndPort.LastIndexOf(']') ? hostAndPort.AsSpan(0, colon) : hostAndPort;
    }
}
