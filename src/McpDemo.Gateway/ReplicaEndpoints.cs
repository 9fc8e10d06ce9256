namespace McpDemo.Gateway;

/// <summary>
/// Reads a referenced service's replica addresses from the Aspire service-discovery contract:
/// <c>services__{service}__{scheme}__{index}</c> environment variables, i.e. configuration keys
/// <c>services:{service}:{scheme}:{index}</c>, one per replica.
/// </summary>
public static class ReplicaEndpoints
{
    private static readonly string[] s_schemes = ["http", "https"];

    /// <summary>
    /// Returns the replicas of <paramref name="service"/> keyed by a stable destination id (<c>http-0</c>, <c>http-1</c>, ...).
    /// </summary>
    /// <exception cref="GatewayConfigurationException">There are no replicas, or an address is not an http(s) URL.</exception>
    public static IReadOnlyDictionary<string, Uri> Read(IConfiguration configuration, string service)
    {
        var replicas = new SortedDictionary<string, Uri>(StringComparer.Ordinal);
        foreach (var scheme in s_schemes)
        {
            foreach (var entry in configuration.GetSection($"services:{service}:{scheme}").GetChildren())
            {
                if (!Uri.TryCreate(entry.Value, UriKind.Absolute, out var address) ||
                    (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
                {
                    throw new GatewayConfigurationException(
                        $"Replica address services:{service}:{scheme}:{entry.Key} is '{entry.Value}', not an absolute http(s) URL.");
                }
                replicas[$"{scheme}-{entry.Key}"] = address;
            }
        }
        if (replicas.Count == 0)
        {
            throw new GatewayConfigurationException(
                $"No replicas configured for service '{service}'. Set one environment variable per replica, " +
                $"services__{service}__http__0=http://127.0.0.1:5001, services__{service}__http__1=..., " +
                $"(configuration keys services:{service}:http:0, ...) as an Aspire AppHost does for a referenced service. " +
                $"The service name is {GatewayOptions.SectionName}:Service.");
        }
        return replicas;
    }
}
