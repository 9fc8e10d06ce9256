namespace McpDemo.Hosting.Orchestration;

/// <summary>The <c>dotnet</c> host that runs project replicas: the one running us if we run under it, else the one on PATH.</summary>
internal static class DotNetHost
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        if (Environment.ProcessPath is { } self && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }
        return "dotnet";
    }
}
