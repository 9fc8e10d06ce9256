namespace McpDemo.Gateway.RateLimiting;

/// <summary>
/// Per-tool, per-client limits on <c>tools/call</c> (<c>Gateway:RateLimits</c>), e.g.
/// <c>Gateway__RateLimits__Tools__countdown__PermitLimit=10</c> and <c>..__Window=00:01:00</c>.
/// A client is its API key (the <c>Authorization: Bearer</c> token) or, without one, its address.
/// </summary>
public sealed class ToolRateLimitOptions
{
    /// <summary>The limit of each listed tool, by tool name.</summary>
    public Dictionary<string, ToolRateLimit> Tools { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The limit of every tool not listed in <see cref="Tools"/>; none by default.</summary>
    public ToolRateLimit? Default { get; set; }

    /// <summary>Whether any tool is limited.</summary>
    public bool Any => Tools.Count > 0 || Default is not null;

    /// <summary>The limit that applies to <paramref name="tool"/>, if any.</summary>
    public ToolRateLimit? For(string tool) => Tools.TryGetValue(tool, out var limit) ? limit : Default;
}
