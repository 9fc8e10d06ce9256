using System.CommandLine;
using Spectre.Console;

namespace McpDemo.Client.CommandLine;

/// <summary>A subcommand that talks to an MCP endpoint; its failures end as one line and an exit code.</summary>
internal abstract class ClientCommand : Command
{
    protected ClientCommand(string name, string description, ClientContext context, Connector connector)
        : base(name, description)
    {
        Context = context;
        Connector = connector;
        this.SetClientAction(context, RunAsync);
    }

    /// <summary>Configuration, logging and the console.</summary>
    protected ClientContext Context { get; }

    /// <summary>Opens connections to the endpoint the command line names.</summary>
    protected Connector Connector { get; }

    /// <summary>Where results go.</summary>
    protected IAnsiConsole Console => Context.Console;

    /// <summary>The command's body; returns the exit code.</summary>
    protected abstract Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken);
}
