using System.CommandLine;

namespace McpDemo.Hosting.CommandLine;

/// <summary>
/// The AppHost's command line: the topology's own options plus the hosting ones, parsed strictly.
/// Bad input and user-fixable problems print one clear message and exit non-zero, never a stack trace.
/// </summary>
public sealed class AppHostCommand
{
    /// <summary>The exit code for a command line that does not parse.</summary>
    public const int UsageError = 2;

    /// <summary>The exit code for an application that cannot start or run (busy port, failed resource...).</summary>
    public const int RunError = 1;

    private readonly RootCommand _root;

    /// <summary>Creates the command; <paramref name="options"/> are the topology's own options.</summary>
    public AppHostCommand(string description, params Option[] options)
    {
        _root = new RootCommand(description);
        foreach (var option in options)
        {
            _root.Options.Add(option);
        }
    }

    /// <summary>
    /// Parses <paramref name="args"/>, lets <paramref name="declare"/> add the resources, then runs
    /// the application until Ctrl+C or SIGTERM. Returns the process exit code.
    /// </summary>
    public int Run(string[] args, Action<DistributedApplicationBuilder, ParseResult> declare, DistributedApplicationOptions? options = null)
    {
        var parsed = _root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                System.Console.Error.WriteLine($"error: {error.Message}");
            }
            System.Console.Error.WriteLine("Run with --help to see the options.");
            return UsageError;
        }
        _root.SetAction(result => RunApplication(args, result, declare, options ?? new DistributedApplicationOptions()));
        return parsed.Invoke();
    }

    private static int RunApplication(string[] args, ParseResult parsed, Action<DistributedApplicationBuilder, ParseResult> declare, DistributedApplicationOptions options)
    {
        try
        {
            var builder = DistributedApplication.CreateBuilder(options, args);
            declare(builder, parsed);
            var app = builder.Build();
            try
            {
                app.Run();
            }
            finally
            {
                app.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            return 0;
        }
        catch (DistributedApplicationException e)
        {
            System.Console.Error.WriteLine($"error: {e.Message}");
            return RunError;
        }
    }
}
