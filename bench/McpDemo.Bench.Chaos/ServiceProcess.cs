using System.Globalization;

namespace McpDemo.Bench.Chaos;

/// <summary>
/// One running service process of the topology, found by the environment the AppHost gave it:
/// <c>OTEL_SERVICE_NAME</c> (server, gateway, store) and <c>service.instance.id</c> (the replica's number).
/// </summary>
/// <param name="Pid">The process running the service's code (not a <c>dotnet run</c> wrapper).</param>
/// <param name="Service">The service name.</param>
/// <param name="Instance">The replica's number, 1 for a service without replicas.</param>
/// <param name="IsReplica">Whether the service runs as numbered replicas.</param>
/// <param name="Environment">The process's environment.</param>
internal sealed record ServiceProcess(int Pid, string Service, int Instance, bool IsReplica, IReadOnlyDictionary<string, string> Environment)
{
    private const string InstanceAttribute = "service.instance.id=";

    /// <summary>The resource name the AppHost shows: <c>server-2</c>, or <c>store</c>.</summary>
    public string Name => IsReplica ? $"{Service}-{Instance.ToString(CultureInfo.InvariantCulture)}" : Service;

    /// <summary>The first URL the process listens on (<c>ASPNETCORE_URLS</c>), if it was given one.</summary>
    public Uri? Url => Environment.TryGetValue("ASPNETCORE_URLS", out var urls) ? new Uri(urls.Split(';')[0]) : null;

    /// <summary>The service processes among <paramref name="pids"/>; a wrapper that shares its child's environment is skipped.</summary>
    public static List<ServiceProcess> Among(IReadOnlyCollection<int> pids)
    {
        var found = new List<(ServiceProcess Process, int Parent)>();
        foreach (var pid in pids)
        {
            if (Read(pid) is { } process)
            {
                found.Add(process);
            }
        }
        var parents = found.Select(f => f.Parent).ToHashSet();
        return [.. found.Where(f => !parents.Contains(f.Process.Pid)).Select(f => f.Process)];
    }

    /// <summary>Sends <paramref name="signal"/> (KILL, STOP, CONT) to the process.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = System.Diagnostics.Process.Start("kill", ["-" + signal, Pid.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    private static (ServiceProcess, int)? Read(int pid)
    {
        try
        {
            var environment = File.ReadAllText($"/proc/{pid}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries)
                .Select(v => v.Split('=', 2)).Where(v => v.Length == 2)
                .GroupBy(v => v[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
            if (!environment.TryGetValue("OTEL_SERVICE_NAME", out var service) || service is not ("server" or "gateway" or "store"))
            {
                return null;
            }
            // Replicas are numbered (service.instance.id=2); Aspire gives a single resource a random suffix instead.
            var instance = environment.TryGetValue("OTEL_RESOURCE_ATTRIBUTES", out var attributes)
                && attributes.StartsWith(InstanceAttribute, StringComparison.Ordinal)
                && int.TryParse(attributes[InstanceAttribute.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : (int?)null;
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
            return (new ServiceProcess(pid, service, instance ?? 1, instance is not null, environment), parent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process ended while we looked, or is not ours.
            return null;
        }
    }
}
