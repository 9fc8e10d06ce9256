namespace McpDemo.Gateway.Tests;

/// <summary>What a <see cref="FakeReplica"/> answers: who it is and what it received.</summary>
internal sealed record ReplicaReply(string Instance, string? Session, string ProtocolVersion, string TraceParent, long BodyLength,
    IReadOnlyDictionary<string, string> Forwarded, string McpMethod = "", string McpName = "");
