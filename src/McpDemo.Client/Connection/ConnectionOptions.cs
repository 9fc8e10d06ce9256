using ModelContextProtocol.Protocol;

namespace McpDemo.Client.Connection;

/// <summary>How an <see cref="McpConnection"/> talks to the server.</summary>
internal sealed record ConnectionOptions
{
    /// <summary>
    /// The newest protocol revision that still has Streamable HTTP sessions (<c>Mcp-Session-Id</c>).
    /// Later revisions are sessionless, so using sessions means pinning this one.
    /// </summary>
    public const string SessionProtocolVersion = "2025-11-25";

    /// <summary>The sessionless revision: no handshake, <c>input_required</c> results, <c>subscriptions/listen</c>.</summary>
    public const string SessionlessProtocolVersion = "2026-07-28";

    /// <summary>The SDK's default: the newest revision the server offers (2026-07-28 first, then the initialize handshake).</summary>
    public static ConnectionOptions Default { get; } = new();

    /// <summary>
    /// The protocol revision to speak, or <see langword="null"/> for the newest the server offers. A revision
    /// with sessions (<see cref="SessionProtocolVersion"/> or earlier) opens a legacy session on a stateful server.
    /// </summary>
    public string? ProtocolVersion { get; init; }

    /// <summary>Keeps the standalone GET stream of a legacy session open, so the server can push notifications outside any request.</summary>
    public bool ReceiveServerMessages { get; init; }

    /// <summary>
    /// Answers the server's questions: elicitation requests in a legacy session, and the elicitations of an
    /// <c>input_required</c> result under 2026-07-28 (the SDK retries the request with the answers).
    /// </summary>
    public Func<ElicitRequestParams?, CancellationToken, ValueTask<ElicitResult>>? ElicitationHandler { get; init; }
}
