using System.Text.RegularExpressions;

namespace McpDemo.Bench.Chaos;

/// <summary>
/// The chaos run's rule for an error-level log entry a fault explains: it was written from the fault's start to the end
/// of its window (the next fault's start, or the end of the load), and either by the faulted service instance (the
/// process, or the one the AppHost restarted in its place) or it names the faulted process's connection: a port it
/// listens on (<c>ASPNETCORE_URLS</c>), or for the store, the port the services connect to (<c>ConnectionStrings__store</c>).
/// </summary>
internal sealed class FaultExplanation(IReadOnlyList<Fault> faults, IReadOnlyCollection<ServiceProcess> processes)
{
    /// <summary>The fault that explains <paramref name="entry"/>, by name, or null when none does.</summary>
    public string? Explain(LogEntry entry) => faults.FirstOrDefault(f =>
        entry.WrittenAt >= f.Began && entry.WrittenAt < f.WindowEnd
        && ((entry.Process.Service == f.Target.Service && entry.Process.Instance == f.Target.Instance)
            || PortsOf(f.Target).Any(port => Regex.IsMatch(entry.Text, $@":{port}\b", RegexOptions.CultureInvariant))))?.Name;

    private IEnumerable<string> PortsOf(ServiceProcess target)
    {
        var addresses = target.Environment.TryGetValue("ASPNETCORE_URLS", out var urls) ? urls.Split(';') : [];
        if (target.Service == "store")
        {
            // HOST:PORT, or a StackExchange.Redis configuration string that starts with it.
            addresses = [.. addresses, .. processes.Select(p => p.Environment.GetValueOrDefault("ConnectionStrings__store")).OfType<string>()
                .Select(c => "tcp://" + c.Split(',')[0])];
        }
        return addresses.Select(a => Uri.TryCreate(a, UriKind.Absolute, out var uri) && uri.Port > 0 ? uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) : null)
            .OfType<string>().Distinct(StringComparer.Ordinal);
    }
}
