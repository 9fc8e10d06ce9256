using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace McpDemo.ServiceDefaults;

/// <summary>
/// Who this process is in telemetry and in answers to clients: the service name, the instance id
/// (one per replica) and the version.
/// </summary>
/// <param name="ServiceName">The logical service name, shared by all replicas.</param>
/// <param name="InstanceId">The replica's id, unique among the service's running instances.</param>
/// <param name="Version">The service version (the entry assembly's informational version, without build metadata).</param>
public sealed record ServiceIdentity(string ServiceName, string InstanceId, string Version)
{
    /// <summary>
    /// Derives the identity from configuration (environment variables included), taking the first of:
    /// <list type="number">
    /// <item><c>service.instance.id</c> in <c>OTEL_RESOURCE_ATTRIBUTES</c>, as an Aspire AppHost sets it per replica;</item>
    /// <item>the ECS task id, read from the path of <c>ECS_CONTAINER_METADATA_URI_V4</c>
    /// (<c>http://169.254.170.2/v4/&lt;task id&gt;-&lt;container number&gt;</c> on Fargate), so no metadata call is needed;</item>
    /// <item>the Lambda log stream (<c>AWS_LAMBDA_LOG_STREAM_NAME</c>), unique per execution environment;</item>
    /// <item><c>host:pid</c>.</item>
    /// </list>
    /// The service name is <c>OTEL_SERVICE_NAME</c>, failing that <c>service.name</c> in
    /// <c>OTEL_RESOURCE_ATTRIBUTES</c>, failing that <paramref name="defaultServiceName"/>.
    /// </summary>
    public static ServiceIdentity FromConfiguration(IConfiguration configuration, string defaultServiceName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var resourceAttributes = ParseResourceAttributes(configuration["OTEL_RESOURCE_ATTRIBUTES"]);

        var serviceName = NonEmpty(configuration["OTEL_SERVICE_NAME"])
            ?? resourceAttributes.GetValueOrDefault("service.name")
            ?? defaultServiceName;

        var instanceId = resourceAttributes.GetValueOrDefault("service.instance.id")
            ?? EcsTaskId(configuration["ECS_CONTAINER_METADATA_URI_V4"])
            ?? NonEmpty(configuration["AWS_LAMBDA_LOG_STREAM_NAME"])
            ?? $"{Environment.MachineName}:{Environment.ProcessId}";

        return new ServiceIdentity(serviceName, instanceId, EntryAssemblyVersion());
    }

    /// <summary>
    /// Parses <c>OTEL_RESOURCE_ATTRIBUTES</c>: comma-separated <c>key=value</c> pairs whose values
    /// may be percent-encoded (OpenTelemetry specification). Malformed pairs are ignored, as the SDK does.
    /// </summary>
    internal static Dictionary<string, string> ParseResourceAttributes(string? value)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                continue;
            }
            var attributeValue = Uri.UnescapeDataString(pair[(separator + 1)..].Trim());
            if (attributeValue.Length > 0)
            {
                attributes[pair[..separator].Trim()] = attributeValue;
            }
        }
        return attributes;
    }

    /// <summary>
    /// The task id from the metadata endpoint's last path segment. On Fargate the segment is
    /// <c>&lt;32 hex task id&gt;-&lt;container number&gt;</c>; on the EC2 launch type it is the
    /// container's Docker id, which is just as unique, so it is used whole.
    /// </summary>
    internal static string? EcsTaskId(string? metadataUri)
    {
        if (!Uri.TryCreate(metadataUri, UriKind.Absolute, out var uri))
        {
            return null;
        }
        var segment = uri.Segments[^1].Trim('/');
        if (segment.Length == 0)
        {
            return null;
        }
        var dash = segment.IndexOf('-', StringComparison.Ordinal);
        return dash == 32 ? segment[..dash] : segment;
    }

    private static string EntryAssemblyVersion()
    {
        var assembly = Assembly.GetEntryAssembly();
        var version = assembly?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly?.GetName().Version?.ToString()
            ?? "0.0.0";
        // The SDK appends "+<commit sha>"; it makes every answer 41 characters longer and says nothing to a client.
        var metadata = version.IndexOf('+', StringComparison.Ordinal);
        return metadata < 0 ? version : version[..metadata];
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
