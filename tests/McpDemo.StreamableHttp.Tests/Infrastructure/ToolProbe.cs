namespace McpDemo.StreamableHttp.Tests.Infrastructure;

/// <summary>Lets a test observe what the <c>slow</c> tool is doing inside the server.</summary>
public sealed class ToolProbe
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed by the test to let the <c>poll</c> tool answer.</summary>
    public TaskCompletionSource PollAnswerAllowed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
