namespace McpDemo.ServiceDefaults;

/// <summary>The names of the telemetry sources every McpDemo service listens to, beyond the instrumentation packages'.</summary>
public static class McpDemoTelemetry
{
    /// <summary>The meter McpDemo's own instruments belong to (for example the gateway's rate-limit rejections).</summary>
    public const string MeterName = "McpDemo";

    /// <summary>The MCP SDK's activity source and meter (spans per MCP request, request and session metrics).</summary>
    public const string McpSdkName = "Experimental.ModelContextProtocol";

    /// <summary>
    /// Activity sources exported as traces besides ASP.NET Core's and HttpClient's, which the instrumentation
    /// packages add: the MCP SDK's, and YARP's for the gateway.
    /// </summary>
    public static IReadOnlyList<string> ActivitySources { get; } = [McpSdkName, ProbeActivityFilter.YarpSourceName];

    /// <summary>Meters exported as metrics besides ASP.NET Core's, HttpClient's and the runtime's.</summary>
    public static IReadOnlyList<string> Meters { get; } = [McpSdkName, MeterName];
}
