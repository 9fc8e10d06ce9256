namespace McpDemo.StreamableHttp.Tests.Infrastructure;

/// <summary>Lets a test observe what the test tools are doing inside the server.</summary>
public sealed class ToolProbe
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed by the test to let the <c>poll</c> tool answer.</summary>
    public TaskCompletionSource PollAnswerAllowed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Released by the test once per pending <c>notify_later</c> notification it lets go.</summary>
    public SemaphoreSlim NotificationAllowed { get; } = new(0);

    /// <summary>Released by <c>notify_later</c> once its notification was handed to the transport.</summary>
    public SemaphoreSlim NotificationSent { get; } = new(0);
}
