using McpDemo.Client.Failures;
using Microsoft.Extensions.Configuration;

namespace McpDemo.Client.Connection;

/// <summary>
/// Decides which MCP endpoint to talk to: <c>--endpoint</c> when given, else the gateway reference an
/// Aspire-style AppHost injects (<c>services__gateway__http__0</c>) plus <c>/mcp</c>.
/// </summary>
/// <remarks>
/// Kept rather than Microsoft.Extensions.ServiceDiscovery's HttpClient handler: that resolves <c>http://gateway</c> at
/// send time, behind the SDK's transport, while this command-line client must say which URL it reaches before it
/// connects, and refuse a bad <c>--endpoint</c> with a usage error (exit 2) instead of a failed request. It reads one
/// key, the first endpoint, which is the gateway on <c>--gateway-port</c>.
/// </remarks>
internal static class EndpointResolver
{
    /// <summary>The configuration key of the AppHost's reference to the gateway's first HTTP endpoint.</summary>
    public const string GatewayReferenceKey = "services:gateway:http:0";

    /// <summary>The path the gateway serves MCP on.</summary>
    public const string McpPath = "/mcp";

    public static Uri Resolve(string? endpointOption, IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(endpointOption))
        {
            return Parse(endpointOption, "--endpoint");
        }
        if (configuration[GatewayReferenceKey] is { Length: > 0 } gateway)
        {
            return Parse(gateway.TrimEnd('/') + McpPath, "services__gateway__http__0");
        }
        throw new ClientFailure(
            ExitCodes.Usage,
            "No MCP endpoint: pass --endpoint URL (e.g. --endpoint http://localhost:8080/mcp), or run under the AppHost, which sets services__gateway__http__0.");
    }

    private static Uri Parse(string value, string source) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new ClientFailure(ExitCodes.Usage, $"'{value}' from {source} is not an http:// or https:// URL; pass e.g. --endpoint http://localhost:8080/mcp.");
}
