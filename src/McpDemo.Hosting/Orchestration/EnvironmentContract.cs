using McpDemo.Hosting.ApplicationModel;

namespace McpDemo.Hosting.Orchestration;

/// <summary>
/// The variables an Aspire AppHost gives each replica, so the same services run unchanged under Aspire:
/// OTLP export settings, the service name and instance id, <c>ASPNETCORE_URLS</c>, and one
/// <c>services__&lt;name&gt;__&lt;endpoint&gt;__&lt;i&gt;</c> per replica endpoint of each referenced resource.
/// </summary>
internal static class EnvironmentContract
{
    /// <summary>The variable holding the AppHost's pid; children exit when that process is gone.</summary>
    public const string ParentPidVariable = "MCPDEMO_PARENT_PID";

    // The SDK defaults (60s between metric exports, 5s between span and log batches) leave a local dashboard
    // looking empty for a minute, and the services sample their traces by default; a developer's laptop can
    // afford livelier export of every trace, as Aspire's AppHost gives it.
    private const string MetricExportIntervalMs = "2000";
    private const string BatchDelayMs = "1000";
    private const string EveryTrace = "always_on";

    public static Dictionary<string, string> For(
        Resource resource,
        string replicaId,
        IReadOnlyDictionary<string, Uri> ownEndpoints,
        Func<Resource, IReadOnlyList<IReadOnlyDictionary<string, Uri>>> endpointsOfReplicas,
        string? otlpEndpoint)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["OTEL_SERVICE_NAME"] = resource.Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={replicaId}",
            [ParentPidVariable] = System.Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (otlpEndpoint is not null)
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint;
            environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            environment["OTEL_METRIC_EXPORT_INTERVAL"] = MetricExportIntervalMs;
            environment["OTEL_BSP_SCHEDULE_DELAY"] = BatchDelayMs;
            environment["OTEL_BLRP_SCHEDULE_DELAY"] = BatchDelayMs;
            environment["OTEL_TRACES_SAMPLER"] = EveryTrace;
        }
        var httpUrls = resource.Endpoints.Where(e => e.Scheme is "http" or "https").Select(e => ownEndpoints[e.Name].ToString().TrimEnd('/'));
        if (httpUrls.Any())
        {
            environment["ASPNETCORE_URLS"] = string.Join(';', httpUrls);
        }
        foreach (var reference in resource.References)
        {
            var replicas = endpointsOfReplicas(reference);
            foreach (var endpoint in reference.Endpoints)
            {
                for (var i = 0; i < replicas.Count; i++)
                {
                    environment[$"services__{reference.Name}__{endpoint.Name}__{i}"] = replicas[i][endpoint.Name].ToString().TrimEnd('/');
                }
            }
        }
        foreach (var (name, value) in resource.Environment)
        {
            environment[name] = value;
        }
        foreach (var (name, parameter) in resource.ParameterEnvironment)
        {
            if (parameter.GetValue() is { } value)
            {
                environment[name] = value;
            }
        }
        return environment;
    }
}
