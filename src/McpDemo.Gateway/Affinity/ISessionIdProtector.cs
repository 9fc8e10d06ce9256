namespace McpDemo.Gateway.Affinity;

/// <summary>
/// Wraps a replica's <c>Mcp-Session-Id</c> together with the replica that minted it into the id the client sees, and
/// unwraps it again, so any gateway instance holding the same secret routes a legacy session to its replica without
/// any state of its own. The wrapped id must be confidential and tamper-proof: a client must neither learn replica
/// addresses nor steer its session elsewhere.
/// </summary>
/// <remarks>
/// The seam where the key source plugs in: <see cref="AesGcmSessionIdProtector"/> uses one configured (or generated)
/// key; an implementation over ASP.NET Core Data Protection with its key ring in the shared store can replace it by
/// registering itself as this service.
/// </remarks>
public interface ISessionIdProtector
{
    /// <summary>The id to give the client for <paramref name="sessionId"/>, minted by the replica at <paramref name="destination"/>.</summary>
    string Protect(string destination, string sessionId);

    /// <summary>
    /// Recovers the replica and its session id from an id made by <see cref="Protect"/>; <see langword="false"/> for any
    /// other string, including a tampered id or one protected with another key.
    /// </summary>
    bool TryUnprotect(string wrappedId, out string destination, out string sessionId);
}
