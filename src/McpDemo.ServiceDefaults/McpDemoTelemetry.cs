namespace McpDemo.ServiceDefaults;

/// <summary>The names of the telemetry sources every McpDemo service listens to.</summary>
public static class McpDemoTelemetry
{
    /// <summary>The meter McpDemo's own instruments belong to (for example <c>mcpdemo.tool.calls</c>).</summary>
    public const string MeterName = "McpDemo";

    /// <summary>
    /// Activity sources exported as traces. ASP.NET Core, HttpClient, the MCP SDK and YARP emit these
    /// natively, so no instrumentation packages are needed.
    /// </summary>
    public static IReadOnlyList<string> ActivitySources { get; } =
    [
        "Microsoft.AspNetCore",
        "System.Net.Http",
        "Experimental.ModelContextProtocol",
        "Yarp.ReverseProxy",
    ];

    /// <summary>Meters exported as metrics.</summary>
    public static IReadOnlyList<string> Meters { get; } =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "System.Net.Http",
        "System.Runtime",
        "Experimental.ModelContextProtocol",
        MeterName,
    ];
}
