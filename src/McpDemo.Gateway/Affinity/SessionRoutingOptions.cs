namespace McpDemo.Gateway.Affinity;

/// <summary>
/// Whether legacy sessions are kept on the replica that holds them (<c>Gateway:Sessions</c>). Turn it off when the
/// replicas share their sessions through a store: any replica then serves any request, and round-robin spreads a
/// session's calls over all of them.
/// </summary>
public sealed class SessionRoutingOptions
{
    /// <summary>
    /// Whether session ids are wrapped with their replica (under <see cref="SessionAffinityOptions.Key"/>) and routed
    /// by. Default <see langword="true"/>.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
