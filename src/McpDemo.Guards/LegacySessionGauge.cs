using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Server;

namespace McpDemo.Guards;

/// <summary>
/// The <c>mcpdemo.server.sessions</c> gauge: how many legacy (2025-11-25 and earlier) sessions this process holds now,
/// the ones it created on <c>initialize</c> and the ones it adopted from the store alike. The SDK measures only how
/// long sessions last (<c>mcp.server.session.duration</c>), so a session that is never ended (a leak) shows nowhere else.
/// </summary>
/// <remarks>
/// A session is counted while the SDK runs it: from its start (<see cref="HttpServerTransportOptions.RunSessionHandler"/>,
/// which the SDK calls for a new and for a migrated session alike) until that run ends, which is when the session is
/// disposed (DELETE, idle expiry, the idle cap, shutdown). The SDK also runs each stateless request as a session without
/// an id; those are not counted. An observable instrument reports the count itself, not changes to it, so a listener
/// that attaches late (dotnet-counters, an EventPipe session) reads the true figure.
/// </remarks>
public sealed class LegacySessionGauge
{
    /// <summary>The instrument's name.</summary>
    public const string InstrumentName = "mcpdemo.server.sessions";

    /// <summary>
    /// The instrument's meter: McpDemoTelemetry.MeterName (McpDemo.ServiceDefaults, which this project does not
    /// reference), the meter the services export, so the dashboard shows the gauge with McpDemo's other instruments.
    /// </summary>
    public const string MeterName = "McpDemo";

    private long _sessions;

    /// <summary>Creates the gauge on <paramref name="meters"/>' <c>McpDemo</c> meter.</summary>
    public LegacySessionGauge(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        meters.Create(MeterName).CreateObservableUpDownCounter(InstrumentName, () => Volatile.Read(ref _sessions), unit: "{session}",
            description: "Legacy MCP sessions this process holds: created on initialize or adopted from the store, not yet ended.");
    }

#pragma warning disable MCPEXP002 // RunSessionHandler is the one hook the SDK calls for every session it starts, new or migrated.
    /// <summary>Wraps <paramref name="transport"/>'s session handler (or the SDK's default, which runs the session) so each legacy session is counted while it runs.</summary>
    public void CountSessionsOf(HttpServerTransportOptions transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        var run = transport.RunSessionHandler ?? RunAsync;
        transport.RunSessionHandler = (context, server, sessionClosed) =>
            string.IsNullOrEmpty(server.SessionId) ? run(context, server, sessionClosed) : CountWhileRunningAsync(run, context, server, sessionClosed);
    }
#pragma warning restore MCPEXP002

    /// <summary>What the SDK does when no handler is set.</summary>
    private static Task RunAsync(HttpContext context, McpServer server, CancellationToken sessionClosed) => server.RunAsync(sessionClosed);

    private async Task CountWhileRunningAsync(Func<HttpContext, McpServer, CancellationToken, Task> run, HttpContext context, McpServer server, CancellationToken sessionClosed)
    {
        Interlocked.Increment(ref _sessions);
        try
        {
            await run(context, server, sessionClosed).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _sessions);
        }
    }
}
