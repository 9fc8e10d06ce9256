namespace McpDemo.Hosting.Orchestration;

/// <summary>A line a replica wrote to stdout or stderr.</summary>
/// <param name="ResourceName">The resource the replica belongs to.</param>
/// <param name="ReplicaId">The replica that wrote it, e.g. <c>server-2</c>.</param>
/// <param name="Text">The line, without its newline.</param>
/// <param name="IsError">Whether it came from stderr.</param>
public sealed record ReplicaOutputLine(string ResourceName, string ReplicaId, string Text, bool IsError);
