using McpDemo.Hosting.ApplicationModel;

namespace McpDemo.Hosting.Orchestration;

/// <summary>Everything needed to start one replica: the command line, its folder, its ports and its environment.</summary>
internal sealed record ReplicaPlan(
    Resource Resource,
    string ReplicaId,
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, Uri> Endpoints,
    IReadOnlyDictionary<string, string> Environment);
