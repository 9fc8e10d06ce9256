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
/// <c>watch</c>: prints what the server pushes outside any call (log messages, progress, list changes) until
/// Ctrl+C; optionally starts the server's ticker first so something arrives. Under 2026-07-28 it listens on a
/// <c>subscriptions/listen</c> stream; in a legacy session (<c>--protocol 2025-11-25</c>) on the session's GET stream.
/// </summary>
internal sealed class WatchCommand : ClientCommand
{
    /// <summary>The McpDemo server's tool that sends notifications on a timer.</summary>
    public const string TickerTool = "start_ticker";

    // The SDK marks logging obsolete because 2026-07-28 deprecates it; legacy sessions still use it, and the
    // ticker's ticks are log messages in both eras.
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

    /// <summary>What a listen stream asks for: every list change the server can report.</summary>
    private static readonly SubscriptionsListenNotifications ListChanges = new()
    {
        ToolsListChanged = true,
        PromptsListChanged = true,
        ResourcesListChanged = true,
    };

    private readonly Option<bool> _startTicker = new("--start-ticker") { Description = $"Call the server's {TickerTool} tool first, so notifications arrive." };
    private readonly CountOption _ticks = new("--ticks", $"How many notifications {TickerTool} sends.", 5);
    private readonly DurationOption _tickInterval = new("--tick-interval", $"The pause between {TickerTool}'s notifications.", TimeSpan.FromMilliseconds(500), "500ms");
    private readonly Option<int?> _exitAfter = new("--exit-after") { Description = "Stop after this many notifications instead of waiting for Ctrl+C.", HelpName = "n" };

    public WatchCommand(ClientContext context, Connector connector)
        : base("watch", "Print the notifications the server sends (on a subscriptions/listen stream, or a legacy session's GET stream) until Ctrl+C.", context, connector)
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
        ListenSubscription? listen = null;
        try
        {
            if (connection.IsSessionless)
            {
                listen = await ListenSubscription.OpenAsync(client, ListChanges, cancellationToken);
                Console.WriteLine($"Watching {connection.Endpoint} on subscriptions/listen (protocol {client.NegotiatedProtocolVersion}). Press Ctrl+C to stop.");
            }
            else
            {
                await WatchSessionAsync(connection, cancellationToken);
            }
            if (parseResult.GetValue(_startTicker))
            {
                await StartTickerAsync(client, parseResult, cancellationToken);
            }
            var ended = listen?.Ended ?? Task.Delay(Timeout.Infinite, cancellationToken);
            if (await Task.WhenAny(enough.Task, ended).WaitAsync(cancellationToken) == ended)
            {
                await ended;
                await Context.Error.WriteLineAsync("warning: the server ended the subscriptions/listen stream.");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C is how watching ends.
        }
        finally
        {
            if (listen is not null)
            {
                await listen.DisposeAsync();
            }
            foreach (var registration in registrations)
            {
                await registration.DisposeAsync();
            }
        }
        Console.WriteLine($"Received {received} notification(s).");
        return ExitCodes.Success;
    }

    /// <summary>A legacy session: the GET stream is already open; ask for every log message.</summary>
    private async Task WatchSessionAsync(McpConnection connection, CancellationToken cancellationToken)
    {
        var client = connection.Client;
        if (client.SessionId is null)
        {
            await Context.Error.WriteLineAsync(
                "warning: the server gave no session (it runs stateless), so it can only send notifications within a request; run it stateful, or leave out --protocol to listen with 2026-07-28.");
        }
        Console.WriteLine($"Watching {connection.Endpoint} on the session's GET stream (protocol {client.NegotiatedProtocolVersion}, session {client.SessionId ?? "none"}). Press Ctrl+C to stop.");
#pragma warning disable MCP9005 // see ServerNotifications
        if (client.ServerCapabilities.Logging is not null)
        {
            await client.SetLoggingLevelAsync(LoggingLevel.Debug, cancellationToken: cancellationToken);
        }
#pragma warning restore MCP9005
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
