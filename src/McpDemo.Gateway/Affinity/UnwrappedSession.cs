namespace McpDemo.Gateway.Affinity;

/// <summary>The session a request named: the id the client sent, and the replica and replica id it unwrapped to.</summary>
internal sealed record UnwrappedSession(string WrappedId, string Destination, string SessionId);
