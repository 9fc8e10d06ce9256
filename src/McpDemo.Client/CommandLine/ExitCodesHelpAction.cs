using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using McpDemo.Client.Failures;

namespace McpDemo.Client.CommandLine;

/// <summary>The standard help, followed by the exit codes, so scripts know what each one means.</summary>
internal sealed class ExitCodesHelpAction(HelpAction standardHelp) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var exitCode = standardHelp.Invoke(parseResult);
        parseResult.InvocationConfiguration.Output.WriteLine(ExitCodes.HelpText);
        return exitCode;
    }
}
