using System.CommandLine;
using System.Diagnostics;
using McpDemo.Client.Authorization;
using McpDemo.Client.Bench;
using McpDemo.Client.CommandLine;
using McpDemo.Client.Connection;
using McpDemo.Client.Failures;
using McpDemo.Client.Tools;
using Spectre.Console;

namespace McpDemo.Client.Commands;

/// <summary>
/// <c>bench</c>: load generation. C workers, each its own MCP client, call a tool back to back for a
/// duration; then throughput, errors and latency percentiles. Connecting is not timed: the figures are
/// per <c>tools/call</c> round trip.
/// </summary>
internal sealed class BenchCommand : ClientCommand
{
    /// <summary>How long a worker pauses after a failed call, so a dead server is not hammered in a tight loop.</summary>
    private static readonly TimeSpan FailurePause = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    private readonly CountOption _concurrency = new("--concurrency", "How many workers call at once; each is its own client.", 4, "-c");
    private readonly DurationOption _duration = new("--duration", "How long to keep calling, e.g. 10s or 1m.", TimeSpan.FromSeconds(10), "10s");
    private readonly Option<string> _mode = new Option<string>("--mode")
    {
        Description = "stateless: no sessions, any replica may answer any call; stateful: one session per worker, pinned to its replica.",
        DefaultValueFactory = _ => "stateless",
    }.AcceptOnlyFromAmong("stateless", "stateful");
    private readonly Option<string> _tool = new("--tool") { Description = "The tool to call.", HelpName = "name", DefaultValueFactory = _ => PingReply.ToolName };
    private readonly ToolArgumentsOption _arguments = new();
    public BenchCommand(ClientContext context, Connector connector)
        : base("bench", "Generate load: concurrent workers call a tool for a while, then throughput, errors and latency percentiles.", context, connector)
    {
        Add(_concurrency);
        Add(_duration);
        Add(_mode);
        Add(_tool);
        Add(_arguments);
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var endpoint = Connector.ResolveEndpoint(parseResult);
        var mode = Enum.Parse<BenchMode>(parseResult.GetRequiredValue(_mode), ignoreCase: true);
        var workers = parseResult.GetValue(_concurrency);
        var duration = _duration.ValueIn(parseResult);
        var call = new BenchCall(parseResult.GetRequiredValue(_tool), parseResult.GetRequiredValue(_arguments));

        // Stateful workers pin the last revision with sessions; stateless ones speak what --protocol names, else the newest.
        var options = mode == BenchMode.Stateful
            ? new ConnectionOptions { ProtocolVersion = ConnectionOptions.SessionProtocolVersion }
            : Connector.WithProtocol(parseResult, ConnectionOptions.Default);
        var connections = await OpenAllAsync(endpoint, Connector.ResolveCredentials(parseResult), workers, options, cancellationToken);
        var recorder = new BenchRecorder();
        var spread = new InstanceSpread();
        TimeSpan elapsed;
        try
        {
            await WarmUpAsync(connections, call, cancellationToken);
            Console.WriteLine($"Bench: {workers} {mode.ToString().ToLowerInvariant()} worker(s) calling {call.Tool} for {duration.TotalSeconds:F0} s against {endpoint}");
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(duration);
            var stopwatch = Stopwatch.StartNew();
            var running = Task.WhenAll(connections.Select(connection => RunWorkerAsync(connection, call, recorder, spread, deadline.Token)));
            await ShowProgressAsync(running, stopwatch, duration, recorder);
            elapsed = stopwatch.Elapsed;
        }
        finally
        {
            await Task.WhenAll(connections.Select(connection => connection.DisposeAsync().AsTask()));
        }

        var report = BenchReport.From(mode, workers, elapsed, recorder);
        report.Print(Console, recorder);
        if (call.Tool == PingReply.ToolName)
        {
            Console.Write(spread.ToTable());
            Console.WriteLine(spread.ToLine());
        }
        return report.Failed == 0 ? ExitCodes.Success : ExitCodes.CallsFailed;
    }

    private async Task<McpConnection[]> OpenAllAsync(Uri endpoint, CallerCredentials credentials, int workers, ConnectionOptions options, CancellationToken cancellationToken)
    {
        var opening = Enumerable.Range(0, workers).Select(_ => Connector.OpenAsync(endpoint, credentials, options, cancellationToken)).ToArray();
        try
        {
            return await Task.WhenAll(opening);
        }
        catch
        {
            // One failure is enough to stop; close the connections that did open.
            await Task.WhenAll(opening.Where(task => task.IsCompletedSuccessfully).Select(task => task.Result.DisposeAsync().AsTask()));
            throw;
        }
    }

    /// <summary>
    /// One untimed call per worker before the clock starts, so JIT compilation and first-call setup on
    /// either side do not count as latency. A failure here is a failure of the whole run.
    /// </summary>
    private static Task WarmUpAsync(McpConnection[] connections, BenchCall call, CancellationToken cancellationToken) =>
        Task.WhenAll(connections.Select(async connection =>
        {
            try
            {
                var result = await connection.Client.CallToolAsync(call.Tool, call.Arguments, cancellationToken: cancellationToken);
                if (result.IsError == true)
                {
                    throw new ClientFailure(ExitCodes.ToolError, $"{call.Tool} reported an error: {ToolResultText.Of(result)}");
                }
            }
            catch (Exception exception) when (exception is not ClientFailure && !cancellationToken.IsCancellationRequested)
            {
                throw FailureTranslator.WhileCalling(exception);
            }
        }));

    private static async Task RunWorkerAsync(
        McpConnection connection, BenchCall call, BenchRecorder recorder, InstanceSpread spread, CancellationToken deadline)
    {
        while (!deadline.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var result = await connection.Client.CallToolAsync(call.Tool, call.Arguments, cancellationToken: deadline);
                if (result.IsError == true)
                {
                    recorder.RecordFailure($"{call.Tool} reported an error: {ToolResultText.Of(result)}");
                    continue;
                }
                recorder.RecordSuccess(Stopwatch.GetElapsedTime(started));
                if (call.Tool == PingReply.ToolName)
                {
                    spread.Add(PingReply.From(result).Instance);
                }
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                // The call in flight at the deadline is neither a success nor a failure.
                return;
            }
            catch (Exception exception)
            {
                recorder.RecordFailure(FailureTranslator.WhileCalling(exception).Message);
                try
                {
                    await Task.Delay(FailurePause, deadline);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>A live progress bar on a terminal; a status line per second when output is redirected.</summary>
    private async Task ShowProgressAsync(Task running, Stopwatch stopwatch, TimeSpan duration, BenchRecorder recorder)
    {
        string Status() => $"{recorder.Succeeded} calls, {recorder.Failed} errors";

        if (Console.Profile.Capabilities.Interactive)
        {
            await Console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask(Status(), maxValue: duration.TotalSeconds);
                    while (!running.IsCompleted)
                    {
                        await Task.WhenAny(running, Task.Delay(ProgressInterval));
                        task.Value = Math.Min(stopwatch.Elapsed.TotalSeconds, duration.TotalSeconds);
                        task.Description = Status();
                    }
                    task.Value = task.MaxValue;
                });
        }
        else
        {
            while (await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(1))) != running)
            {
                Console.WriteLine($"  {stopwatch.Elapsed.TotalSeconds:F0}s: {Status()}");
            }
        }
        await running;
    }

    /// <summary>The tool and arguments every worker calls.</summary>
    private sealed record BenchCall(string Tool, IReadOnlyDictionary<string, object?> Arguments);
}
