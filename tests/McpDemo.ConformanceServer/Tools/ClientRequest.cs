using ModelContextProtocol;

namespace McpDemo.ConformanceServer.Tools;

/// <summary>A request from a tool to the client (sampling, elicitation), with a refusal reported plainly.</summary>
internal static class ClientRequest
{
    /// <summary>
    /// Sends <paramref name="request"/>. The SDK refuses server-to-client requests it cannot carry (in
    /// stateless mode, or when the client lacks the capability) with <see cref="InvalidOperationException"/>;
    /// rethrown as <see cref="McpException"/>, its reason becomes the tool's error text instead of a generic one.
    /// </summary>
    public static async Task<T> SendAsync<T>(Func<ValueTask<T>> request)
    {
        try
        {
            return await request();
        }
        catch (InvalidOperationException ex)
        {
            throw new McpException(ex.Message, ex);
        }
    }
}
