namespace McpDemo.Hosting.ApplicationModel;

/// <summary>A replica is healthy when a GET of <see cref="Path"/> on endpoint <see cref="EndpointName"/> answers 2xx.</summary>
/// <param name="Path">The request path, e.g. <c>/health</c>.</param>
/// <param name="EndpointName">The endpoint to probe, e.g. <c>http</c>.</param>
public sealed record HttpHealthCheck(string Path, string EndpointName);
