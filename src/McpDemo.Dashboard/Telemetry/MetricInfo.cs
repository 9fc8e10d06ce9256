namespace McpDemo.Dashboard.Telemetry;

/// <summary>An instrument the dashboard has received points for.</summary>
/// <param name="Name">The instrument name.</param>
/// <param name="Kind">The data type.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Description">The description.</param>
/// <param name="Services">The services reporting it.</param>
public sealed record MetricInfo(string Name, MetricKind Kind, string Unit, string Description, IReadOnlyList<string> Services);
