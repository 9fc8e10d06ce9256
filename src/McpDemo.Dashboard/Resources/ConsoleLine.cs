namespace McpDemo.Dashboard.Resources;

/// <summary>One line a replica wrote to stdout or stderr.</summary>
/// <param name="Timestamp">When the line was read.</param>
/// <param name="InstanceId">The replica that wrote it.</param>
/// <param name="Text">The line, without its newline.</param>
/// <param name="IsError">Whether it came from stderr.</param>
public sealed record ConsoleLine(DateTimeOffset Timestamp, string InstanceId, string Text, bool IsError);
