using System.CommandLine;
using McpDemo.Client.CommandLine;
using McpDemo.Client.Connection;
using McpDemo.Client.Failures;
using McpDemo.Client.Tools;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Spectre.Console;

namespace McpDemo.Client.Commands;

/// <summary>
/// <c>watch</c>: opens a session and prints what the server pushes (log messages, progress, list
/// changes) until Ctrl+C; optionally starts the server's ticker first so something arrives.
/// </summary>
internal sealed class WatchCommand : ClientCommand
{
    /// <summary>The McpDemo server's tool that sends notifications on a timer.</summary>
    public const string TickerTool = "start_ticker";

    // Watching needs a session, so it speaks 2025-11-25, where logging is current; the SDK marks logging
    // obsolete only because the sessionless 2026-07-28 revision dropped it.
#pragma warning disable MCP9005
    private static readonly string[] ServerNotifications =
    [
        NotificationMethods.LoggingMessageNotification,
        NotificationMethods.ProgressNotification,
        NotificationMethods.ResourceUpdatedNotification,
        NotificationMethods.ResourceListChangedNotification,
        NotificationMethods.ToolListChangedNotification,
        NotificationMethods.PromptListChangedNotification,
        NotificationMethods.CancelledNotification,
    ];
#pragma warning restore MCP9005

    private readonly Option<bool> _startTicker = new("--start-ticker") { Description = $"Call the server's {TickerTool} tool first, so notifications arrive." };
    private readonly CountOption _ticks = new("--ticks", $"How many notifications {TickerTool} sends.", 5);
    private readonly DurationOption _tickInterval = new("--tick-interval", $"The pause between {TickerTool}'s notifications.", TimeSpan.FromMilliseconds(500), "500ms");
    private readonly Option<int?> _exitAfter = new("--exit-after") { Description = "Stop after this many notifications instead of waiting for Ctrl+C.", HelpName = "n" };
    public WatchCommand(ClientContext context, Connector connector)
        : base("watch", "Open a session (stateful servers) and print the notifications the server sends until Ctrl+C.", context, connector)
    {
        Add(_startTicker);
        Add(_ticks);
        Add(_tickInterval);
        Add(_exitAfter);
        _exitAfter.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is var count and < 1)
            {
                result.AddError($"--exit-after must be at least 1; got {count}.");
            }
        });
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var options = ConnectionOptions.Default with { ReceiveServerMessages = true };
        await using var connection = await Connector.OpenAsync(parseResult, options, cancellationToken);
        var client = connection.Client;
        if (client.SessionId is null)
        {
            await Context.Error.WriteLineAsync(
                "warning: the server gave no session (it runs stateless), so it can only send notifications within a request; run it stateful to watch.");
        }
        Console.WriteLine($"Watching {connection.Endpoint} (session {client.SessionId ?? "none"}). Press Ctrl+C to stop.");

        var received = 0;
        var exitAfter = parseResult.GetValue(_exitAfter);
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var registrations = ServerNotifications.Select(method => client.RegisterNotificationHandler(method, (notification, _) =>
        {
            Console.WriteLine(NotificationFormatter.Format(notification, DateTimeOffset.Now));
            if (Interlocked.Increment(ref received) == exitAfter)
            {
                enough.TrySetResult();
            }
            return ValueTask.CompletedTask;
        })).ToList();
        try
        {
#pragma warning disable MCP9005 // see ServerNotifications
            if (client.ServerCapabilities.Logging is not null)
            {
                await client.SetLoggingLevelAsync(LoggingLevel.Debug, cancellationToken: cancellationToken);
            }
#pragma warning restore MCP9005
            if (parseResult.GetValue(_startTicker))
            {
                await StartTickerAsync(client, parseResult, cancellationToken);
            }
            await enough.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C is how watching ends.
        }
        finally
        {
            foreach (var registration in registrations)
            {
                await registration.DisposeAsync();
            }
        }
        Console.WriteLine($"Received {received} notification(s).");
        return ExitCodes.Success;
    }

    private async Task StartTickerAsync(McpClient client, ParseResult parseResult, CancellationToken cancellationToken)
    {
        var arguments = new Dictionary<string, object?>
        {
            ["count"] = parseResult.GetValue(_ticks),
            ["intervalMs"] = (int)_tickInterval.ValueIn(parseResult).TotalMilliseconds,
        };
        var result = await client.CallToolAsync(TickerTool, arguments, cancellationToken: cancellationToken);
        if (result.IsError == true)
        {
            throw new ClientFailure(ExitCodes.ToolError, $"{TickerTool} reported an error: {ToolResultText.Of(result)}");
        }
        Console.WriteLine($"{TickerTool}: {ToolResultText.Of(result)}");
    }
}
