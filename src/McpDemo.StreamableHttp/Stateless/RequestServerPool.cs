using System.Collections.Concurrent;
using ModelContextProtocol.Protocol;

namespace McpDemo.StreamableHttp.Stateless;

/// <summary>
/// Reuses stateless servers across POSTs: building a server costs more than answering a small tool call, and this
/// is the hot path of stateless mode. A server goes back to the pool only after a request that cannot have left
/// state in it (see <see cref="LeavesNoState"/>) and that completed; any other request gets a server of its own,
/// disposed afterwards, exactly as if there were no pool.
/// </summary>
internal sealed class RequestServerPool(McpServerFactory serverFactory) : IAsyncDisposable
{
    private readonly ConcurrentQueue<RequestServer> _idle = new();
    // Enough idle servers for a few hundred concurrent requests; an idle server is a parked loop and some kilobytes.
    private readonly int _maxIdle = Math.Max(128, Environment.ProcessorCount * 16);
    private int _idleCount;
    private bool _disposed;

    /// <summary>
    /// Requests that read or invoke primitives. Not listed, so never pooled: initialize (records client info and
    /// version), logging/setLevel (records a level), subscriptions, and everything else that may record state.
    /// Per-request-metadata revisions pin the server's version, so their requests are never pooled either.
    /// </summary>
    public static bool LeavesNoState(JsonRpcMessage message) =>
        message is JsonRpcRequest
        {
            Method: RequestMethods.ToolsCall or RequestMethods.ToolsList or RequestMethods.PromptsGet or RequestMethods.PromptsList
                or RequestMethods.ResourcesRead or RequestMethods.ResourcesList or RequestMethods.ResourcesTemplatesList
                or RequestMethods.CompletionComplete or RequestMethods.Ping,
        }
        && message.Context?.ProtocolVersion is null;

    /// <summary>A pooled server when <paramref name="message"/> allows one, else a new server.</summary>
    public RequestServer Rent(JsonRpcMessage message)
    {
        if (LeavesNoState(message) && _idle.TryDequeue(out var server))
        {
            Interlocked.Decrement(ref _idleCount);
            return server;
        }

        return serverFactory.CreateForRequest();
    }

    /// <summary>Takes a server back after its request; it is kept only if the request left it clean.</summary>
    public ValueTask ReturnAsync(RequestServer server, JsonRpcMessage message, bool completed)
    {
        if (completed && !_disposed && LeavesNoState(message))
        {
            if (Interlocked.Increment(ref _idleCount) <= _maxIdle)
            {
                _idle.Enqueue(server);
                return ValueTask.CompletedTask;
            }

            Interlocked.Decrement(ref _idleCount);
        }

        return server.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        while (_idle.TryDequeue(out var server))
        {
            await server.DisposeAsync();
        }
    }
}
