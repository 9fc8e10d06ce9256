using McpDemo.Client.Authorization;
using System.CommandLine;
using System.Diagnostics;
using McpDemo.Client.CommandLine;
using McpDemo.Client.Connection;
using McpDemo.Client.Failures;
using McpDemo.Client.Tools;
using Spectre.Console;

namespace McpDemo.Client.Commands;

/// <summary>
/// The default run: connect, list the tools, call <c>ping</c> a number of times (or until Ctrl+C with
/// <c>--loop</c>), print which instance answered each call and how the calls spread over instances.
/// </summary>
internal sealed class DemoRun
{
    private readonly CountOption _count = new("--count", "How many times to call ping.", 10, "-n");
    private readonly Option<bool> _loop = new("--loop") { Description = "Keep calling ping until Ctrl+C or SIGTERM, so a topology shows live traffic; reconnects after failures." };
    private readonly DurationOption _interval = new("--interval", "The pause between calls with --loop.", TimeSpan.FromSeconds(1), "1s");
    private readonly ClientContext _context;
    private readonly Connector _connector;

    private DemoRun(ClientContext context, Connector connector)
    {
        _context = context;
        _connector = connector;
    }

    private IAnsiConsole Console => _context.Console;

    /// <summary>Makes the demo the action of <paramref name="root"/>, with its options.</summary>
    public static void AddTo(RootCommand root, ClientContext context, Connector connector)
    {
        var demo = new DemoRun(context, connector);
        root.Add(demo._count);
        root.Add(demo._loop);
        root.Add(demo._interval);
        root.SetClientAction(context, demo.RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var endpoint = _connector.ResolveEndpoint(parseResult);
        // The demo shows how it got its token: the challenge, the metadata, the issuer, the scopes and expiry granted.
        var credentials = _connector.ResolveCredentials(parseResult, line => Console.WriteLine(line));
        var options = _connector.WithProtocol(parseResult, ConnectionOptions.Default);
        var spread = new InstanceSpread();
        var failures = parseResult.GetValue(_loop)
            ? await LoopAsync(endpoint, credentials, options, _interval.ValueIn(parseResult), spread, cancellationToken)
            : await CountedAsync(endpoint, credentials, options, parseResult.GetValue(_count), spread, cancellationToken);

        Console.WriteLine();
        Console.Write(spread.ToTable());
        Console.WriteLine(spread.ToLine());
        if (failures == 0)
        {
            return ExitCodes.Success;
        }
        await _context.Error.WriteLineAsync($"error: {failures} of {failures + spread.Total} calls failed; see the lines above.");
        return ExitCodes.CallsFailed;
    }

    private async Task<int> CountedAsync(
        Uri endpoint, CallerCredentials credentials, ConnectionOptions options, int count, InstanceSpread spread, CancellationToken cancellationToken)
    {
        await using var connection = await _connector.OpenAsync(endpoint, credentials, options, cancellationToken);
        await DescribeAsync(connection, cancellationToken);
        var failures = 0;
        for (var call = 1; call <= count; call++)
        {
            try
            {
                await PingAsync(connection, call, spread, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                failures++;
                PrintFailure(call, FailureTranslator.WhileCalling(exception));
            }
        }
        return failures;
    }

    private async Task<int> LoopAsync(
        Uri endpoint, CallerCredentials credentials, ConnectionOptions options, TimeSpan interval, InstanceSpread spread, CancellationToken cancellationToken)
    {
        Console.MarkupLine("[grey]Calling ping until Ctrl+C.[/]");
        McpConnection? connection = null;
        var failures = 0;
        try
        {
            for (var call = 1; ; call++)
            {
                try
                {
                    if (connection is null)
                    {
                        connection = await _connector.OpenAsync(endpoint, credentials, options, cancellationToken);
                        await DescribeAsync(connection, cancellationToken);
                    }
                    await PingAsync(connection, call, spread, cancellationToken);
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    failures++;
                    var failure = exception as ClientFailure ?? FailureTranslator.WhileCalling(exception);
                    PrintFailure(call, failure);
                    // A refused tool call leaves the session usable; anything else may have broken it
                    // (a replica restarted, the session expired), so start afresh on the next call.
                    if (failure.ExitCode != ExitCodes.ToolError && connection is not null)
                    {
                        await connection.DisposeAsync();
                        connection = null;
                    }
                }
                await Task.Delay(interval, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C is how a loop ends: report what was seen.
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
        return failures;
    }

    private async Task DescribeAsync(McpConnection connection, CancellationToken cancellationToken)
    {
        var client = connection.Client;
        Console.MarkupLineInterpolated(
            $"Connected to [bold]{connection.Endpoint}[/]: {client.ServerInfo?.Name ?? "unnamed server"} {client.ServerInfo?.Version}, protocol {client.NegotiatedProtocolVersion}, session {client.SessionId ?? "none (stateless)"}");
        var tools = await client.ListToolsAsync(cancellationToken: cancellationToken);
        Console.MarkupLineInterpolated($"Tools: {string.Join(", ", tools.Select(tool => tool.Name))}");
        if (!tools.Any(tool => tool.Name == PingReply.ToolName))
        {
            throw new ClientFailure(
                ExitCodes.ToolError,
                $"{connection.Endpoint} has no '{PingReply.ToolName}' tool, so the demo cannot run there; point --endpoint at an McpDemo server, or use the 'call' command.");
        }
    }

    private async Task PingAsync(McpConnection connection, int call, InstanceSpread spread, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = await connection.Client.CallToolAsync(PingReply.ToolName, cancellationToken: cancellationToken);
        var elapsed = stopwatch.Elapsed;
        var reply = PingReply.From(result);
        if (result.IsError == true)
        {
            throw new ClientFailure(ExitCodes.ToolError, $"ping reported an error: {reply.Text}");
        }
        spread.Add(reply.Instance);
        Console.WriteLine($"#{call,-4} {reply.Instance,-28} {elapsed.TotalMilliseconds,8:F1} ms  {reply.Text}");
    }

    private void PrintFailure(int call, ClientFailure failure) =>
        Console.MarkupLineInterpolated($"[red]#{call,-4} failed: {failure.Message}[/]");
}
