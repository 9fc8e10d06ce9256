namespace McpDemo.Gateway.Affinity;

/// <summary>
/// The key gateway instances share (<c>Gateway:Affinity</c>): it wraps a legacy session's <c>Mcp-Session-Id</c> with
/// the replica that minted it (when <see cref="SessionRoutingOptions.Enabled"/>) and protects YARP's affinity cookie,
/// so any instance holding it routes a session or a cookie to the same replica.
/// </summary>
public sealed class SessionAffinityOptions
{
    /// <summary>
    /// Base64 of 32 random bytes, the AES-256-GCM key every gateway instance shares (e.g. <c>openssl rand -base64 32</c>).
    /// Without it a gateway makes its own key at start: right for a single instance, but its session ids and cookies
    /// then mean nothing to any other instance, nor to itself after a restart.
    /// </summary>
    public string? Key { get; set; }
}
