namespace McpDemo.Gateway.Affinity;

/// <summary>
/// Legacy-session affinity without gateway state (<c>Gateway:Affinity</c>): when <see cref="SessionRoutingOptions.Enabled"/>,
/// the replica's <c>Mcp-Session-Id</c> goes to the client wrapped, encrypted and authenticated, with the replica that
/// minted it, and comes back to that replica.
/// </summary>
public sealed class SessionAffinityOptions
{
    /// <summary>
    /// Base64 of 32 random bytes, the AES-256-GCM key every gateway instance shares (e.g. <c>openssl rand -base64 32</c>).
    /// Without it a gateway makes its own key at start: right for a single instance, but its sessions' ids are then
    /// unknown to any other instance and to itself after a restart.
    /// </summary>
    public string? Key { get; set; }
}
