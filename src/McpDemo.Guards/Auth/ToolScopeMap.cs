using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace McpDemo.Guards;

/// <summary>
/// Which scopes a request needs (<see cref="McpAuthOptions"/>): the required scope (<c>mcp:tools</c>) for everything, plus a tool's own scope
/// for its <c>tools/call</c>. Each answer is the full space-delimited list, as <c>WWW-Authenticate: scope=</c> wants it.
/// </summary>
public sealed class ToolScopeMap
{
    private readonly Dictionary<string, string> _byTool;
    private readonly string _required;

    /// <summary>Builds the map from <c>Mcp:Auth</c>.</summary>
    public ToolScopeMap(IOptions<McpEndpointOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var auth = options.Value.Auth;
        _required = auth.RequiredScope;
        var extra = auth.ToolScopes.Where(tool => !string.IsNullOrWhiteSpace(tool.Value)).ToList();
        _byTool = extra.ToDictionary(tool => tool.Key, tool => $"{_required} {tool.Value.Trim()}", StringComparer.Ordinal);
        Supported = [_required, .. extra.SelectMany(tool => tool.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(scope => scope != _required).Distinct()];
    }

    /// <summary>Every scope this server asks for, for its metadata document.</summary>
    public IReadOnlyList<string> Supported { get; }

    /// <summary>The scopes a call of <paramref name="tool"/> needs.</summary>
    public string For(string? tool) =>
        tool is not null && _byTool.TryGetValue(tool, out var scopes) ? scopes : _required;

    /// <summary>
    /// The scopes <paramref name="request"/> needs, read from its headers alone: a 2026-07-28 <c>tools/call</c> names
    /// its tool in <c>Mcp-Name</c>, so the answer comes before the body is read. Anything else needs the required scope.
    /// </summary>
    public string For(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers[MethodHeader] is ["tools/call"] && request.Headers[NameHeader] is [{ } tool]
            ? For(tool)
            : _required;
    }

    /// <summary>Whether <paramref name="user"/>'s token lets it call <paramref name="tool"/>.</summary>
    public bool Allows(ClaimsPrincipal user, string tool) => TokenScopes.Grant(user, For(tool));

    private const string MethodHeader = "Mcp-Method";
    private const string NameHeader = "Mcp-Name";
}
