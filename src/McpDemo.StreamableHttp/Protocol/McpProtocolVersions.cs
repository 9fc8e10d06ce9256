namespace McpDemo.StreamableHttp.Protocol;

/// <summary>The <c>MCP-Protocol-Version</c> values this endpoint accepts: those ModelContextProtocol.Core 2.3.1 implements.</summary>
internal static class McpProtocolVersions
{
    /// <summary>The first revision without the initialize handshake and without Streamable HTTP sessions.</summary>
    public const string SessionlessRevision = "2026-07-28";

    private static readonly string[] s_supported = ["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25", SessionlessRevision];

    /// <summary>The supported versions, comma separated, for error messages.</summary>
    public static string SupportedList { get; } = string.Join(", ", s_supported);

    public static bool IsSupported(string version) => Array.IndexOf(s_supported, version) >= 0;

    /// <summary>
    /// Revisions from 2026-07-28 carry their version and client identity in every request, and have no sessions:
    /// such requests are answered statelessly in both modes. Versions are dates, so ordinal order is chronological.
    /// </summary>
    public static bool IsSessionless(string version) => string.CompareOrdinal(version, SessionlessRevision) >= 0;
}
