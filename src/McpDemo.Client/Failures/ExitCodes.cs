namespace McpDemo.Client.Failures;

/// <summary>
/// The process exit codes of the client, one per kind of failure, so scripts and CI can tell
/// "the server is down" from "the tool said no" without parsing text.
/// </summary>
public static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Success = 0;

    /// <summary>The command line was wrong: an unknown option, a bad value, or no endpoint to talk to.</summary>
    public const int Usage = 1;

    /// <summary>Nothing answered at the endpoint: connection refused, unknown host, or a timeout.</summary>
    public const int Unreachable = 2;

    /// <summary>Something answered, but not as an MCP Streamable HTTP server (wrong path, not MCP at all).</summary>
    public const int NotMcp = 3;

    /// <summary>The MCP server answered with an HTTP error (401/403, 5xx, a lost session, ...).</summary>
    public const int HttpError = 4;

    /// <summary>The tool call failed: the tool reported an error, or the server rejected the call (unknown tool, invalid arguments).</summary>
    public const int ToolError = 5;

    /// <summary>A demo or bench run finished, but some of its calls failed.</summary>
    public const int CallsFailed = 6;

    /// <summary>Something this client did not expect; the message names the exception.</summary>
    public const int Unexpected = 7;

    /// <summary>Stopped by Ctrl+C or SIGTERM before a one-shot command finished (the shell convention for SIGINT).</summary>
    public const int Interrupted = 130;

    /// <summary>The one-paragraph explanation appended to <c>--help</c>.</summary>
    public static string HelpText { get; } = $"""
        Exit codes:
          {Success}  success
          {Usage}  bad command line (unknown option, bad value, no endpoint)
          {Unreachable}  endpoint unreachable (connection refused, unknown host, timeout)
          {NotMcp}  endpoint is not an MCP Streamable HTTP server
          {HttpError}  MCP server answered with an HTTP error
          {ToolError}  tool call failed (tool error, unknown tool, invalid arguments)
          {CallsFailed}  demo/bench finished but some calls failed
          {Unexpected}  unexpected error
          {Interrupted}  interrupted (Ctrl+C) before a one-shot command finished; --loop and watch end with 0
        """;
}
