using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace McpDemo.StreamableHttp.Security;

/// <summary>
/// Refuses requests whose <c>Host</c> or <c>Origin</c> names a site other than this machine or an allowed one.
/// A web page on another site can make a browser resolve its own name to 127.0.0.1 (DNS rebinding) and reach a
/// local MCP server; such requests still carry that site's name in Host and Origin, which is what this checks.
/// </summary>
internal sealed class DnsRebindingGuard
{
    private static readonly string[] s_loopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    private readonly string[] _allowedHosts;
    private readonly string[] _allowedOrigins;
    private readonly bool _anyHost;
    private readonly bool _anyOrigin;

    public DnsRebindingGuard(IOptions<McpHttpOptions> options)
    {
        var value = options.Value;
        _anyHost = value.AllowedHosts.Contains("*");
        _anyOrigin = value.AllowedOrigins.Contains("*");
        _allowedHosts = value.AllowedHosts;
        _allowedOrigins = [.. value.AllowedOrigins.Select(origin => origin.TrimEnd('/'))];
    }

    /// <summary>Returns why the request is refused, or null when its Host and Origin are acceptable.</summary>
    public string? GetRejection(HttpRequest request)
    {
        if (!_anyHost && !IsAllowedHost(request.Headers.Host.ToString()))
        {
            return "Forbidden: the Host header does not name this server. Add the host to Mcp:AllowedHosts to allow it.";
        }

        var origin = request.Headers.Origin;
        if (origin.Count == 0 || _anyOrigin)
        {
            return null;
        }

        return origin.Count == 1 && IsAllowedOrigin(origin.ToString())
            ? null
            : "Forbidden: the Origin header names another site. Add the origin to Mcp:AllowedOrigins to allow it.";
    }

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

        foreach (var loopback in s_loopbackHosts)
        {
            if (uri.Host.Equals(loopback, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        var trimmed = origin.AsSpan().TrimEnd('/');
        foreach (var allowed in _allowedOrigins)
        {
            if (trimmed.Equals(allowed, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Drops a trailing <c>:port</c>, minding bracketed IPv6 literals such as <c>[::1]:8080</c>.</summary>
    private static ReadOnlySpan<char> StripPort(string hostAndPort)
    {
        var span = hostAndPort.AsSpan();
        var colon = span.LastIndexOf(':');
        var bracket = span.LastIndexOf(']');
        return colon > bracket ? span[..colon] : span;
    }
}
