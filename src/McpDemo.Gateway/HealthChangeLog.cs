using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace McpDemo.Gateway;

/// <summary>
/// YARP's health updater, saying when a replica leaves and rejoins the rotation: once per change, a warning when it
/// leaves (with the failure's message, not its stack) and an information when it is back. YARP's own line per failed
/// probe (a warning with a stack trace, every probe period, per gateway) is filtered out in appsettings.json.
/// </summary>
internal sealed partial class HealthChangeLog(IDestinationHealthUpdater inner, ILogger<HealthChangeLog> logger) : IDestinationHealthUpdater
{
    /// <inheritdoc/>
    public void SetActive(ClusterState cluster, IEnumerable<NewActiveDestinationHealth> newHealthStates)
    {
        var states = newHealthStates.ToList();
        var changes = states.Select(state => (state.Destination, Was: state.Destination.Health.Active, Now: state.NewActiveHealth))
            .Where(change => change.Was != change.Now).ToList();
        inner.SetActive(cluster, states);
        foreach (var (destination, was, now) in changes)
        {
            if (now == DestinationHealth.Unhealthy)
            {
                LogOutOfRotation(destination.DestinationId, destination.Model.Config.Address, "its health probes failed");
            }
            else if (was == DestinationHealth.Unhealthy)
            {
                LogBackInRotation(destination.DestinationId, destination.Model.Config.Address);
            }
        }
    }

    /// <inheritdoc/>
    public void SetPassive(ClusterState cluster, DestinationState destination, DestinationHealth newHealth, TimeSpan reactivationPeriod)
    {
        if (newHealth == DestinationHealth.Unhealthy && destination.Health.Passive != DestinationHealth.Unhealthy)
        {
            LogOutOfRotation(destination.DestinationId, destination.Model.Config.Address, $"a request could not reach it; probes decide after {reactivationPeriod}");
        }
        inner.SetPassive(cluster, destination, newHealth, reactivationPeriod);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replica {Destination} ({Address}) is out of rotation: {Reason}.")]
    private partial void LogOutOfRotation(string destination, string address, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replica {Destination} ({Address}) is back in rotation: its health probe passed.")]
    private partial void LogBackInRotation(string destination, string address);
}
