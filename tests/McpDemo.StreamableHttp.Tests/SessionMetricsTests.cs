using System.Diagnostics.Metrics;
using McpDemo.StreamableHttp.Sessions;
using McpDemo.StreamableHttp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace McpDemo.StreamableHttp.Tests;

/// <summary>The active-sessions gauge the dashboard charts per replica.</summary>
public sealed class SessionMetricsTests
{
    [Fact]
    public async Task ActiveSessionsGauge_CountsLiveSessions_AndDropsEndedOnes()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateful);
        var first = await server.InitializeSessionAsync();
        await server.InitializeSessionAsync();
        Assert.Equal(2, ObserveActiveSessions(server));

        using var deleted = await server.SendAsync(HttpMethod.Delete, first);

        Assert.Equal(1, ObserveActiveSessions(server));
    }

    // Only this server's meter factory: other tests' servers run in the same process at the same time.
    private static int ObserveActiveSessions(McpTestServer server)
    {
        var factory = server.Services.GetRequiredService<IMeterFactory>();
        int? observed = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Meter.Name == McpSessionMetrics.MeterName && instrument.Name == McpSessionMetrics.ActiveSessions)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => observed = value);
        listener.Start();
        listener.RecordObservableInstruments();
        return observed ?? throw new InvalidOperationException($"No {McpSessionMetrics.ActiveSessions} gauge was published.");
    }
}
