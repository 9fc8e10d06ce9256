namespace McpDemo.Dashboard.Telemetry;

/// <summary>
/// The process that sent a piece of telemetry: its OTLP resource's <c>service.name</c> (the AppHost
/// resource name) and <c>service.instance.id</c> (the replica).
/// </summary>
/// <param name="ServiceName">The <c>service.name</c> resource attribute, or <c>unknown_service</c>.</param>
/// <param name="InstanceId">The <c>service.instance.id</c> resource attribute, or empty when none was sent.</param>
public sealed record TelemetryResource(string ServiceName, string InstanceId)
{
    /// <summary>A display name: the service, followed by the instance when there is one.</summary>
    public string DisplayName => InstanceId.Length == 0 ? ServiceName : $"{ServiceName} ({InstanceId})";
}
