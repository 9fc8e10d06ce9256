using System.CommandLine;
using System.CommandLine.Help;
using McpDemo.Client.Commands;

namespace McpDemo.Client.CommandLine;

/// <summary>The client's command line: the demo run as the root action, and the other commands beneath it.</summary>
internal sealed class ClientRootCommand : RootCommand
{
    public ClientRootCommand(ClientContext context)
        : base("McpDemo client: calls MCP servers over Streamable HTTP. Without a command, runs the demo: list tools, call ping, show which instance answered.")
    {
        var endpoint = new EndpointOption();
        var credentials = new CredentialOptions();
        var protocol = new ProtocolOption();
        var connector = new Connector(context, endpoint, credentials, protocol);
        Add(endpoint);
        credentials.AddTo(this);
        Add(protocol);
        DemoRun.AddTo(this, context, connector);
        Add(new ToolsCommand(context, connector));
        Add(new CallCommand(context, connector));
        Add(new WatchCommand(context, connector));
        Add(new BenchCommand(context, connector));

        var help = Options.OfType<HelpOption>().Single();
        help.Action = new ExitCodesHelpAction((HelpAction)help.Action!);
    }
}
