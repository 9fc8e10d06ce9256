namespace McpDemo.Gateway;

/// <summary>
/// Request bodies small enough to hold in memory (every MCP message in practice): they are sent to the replica in the
/// same write as the request headers, and can be sent again when a replica could not be reached.
/// </summary>
internal static class SmallRequestBody
{
    /// <summary>The largest body, in bytes, held in memory.</summary>
    public const int MaxLength = 64 * 1024;

    /// <summary>Whether a request whose Content-Length is <paramref name="contentLength"/> has a small body.</summary>
    public static bool Fits(long? contentLength) => contentLength is > 0 and <= MaxLength;
}
