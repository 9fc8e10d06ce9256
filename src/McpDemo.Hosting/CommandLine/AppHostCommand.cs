using System.CommandLine;
using McpDemo.Hosting.ApplicationModel;
using McpDemo.Hosting.Publishing;

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
    private readonly PublishCommandLine _publishing;

    /// <summary>Creates the command; <paramref name="options"/> are the topology's own options.</summary>
    public AppHostCommand(string description, params Option[] options)
    {
        // The manifest publisher needs nothing beyond the core library, so every AppHost can publish one.
        _root = new RootCommand(description);
        foreach (var option in options)
        {
            _root.Options.Add(option);
        }
        _publishing = new PublishCommandLine(_root);
        _publishing.Add(new ManifestPublisher());
    }

    /// <summary>Lets <c>--publisher <paramref name="publisher"/>.Name</c> publish the model instead of running it.</summary>
    public AppHostCommand AddPublisher(IPublisher publisher)
    {
        _publishing.Add(publisher);
        return this;
    }

    /// <summary>
    /// Parses <paramref name="args"/>, lets <paramref name="declare"/> add the resources, then runs
    /// the application until Ctrl+C or SIGTERM. Returns the process exit code.
    /// </summary>
    public int Run(string[] args, Action<DistributedApplicationBuilder, ParseResult> declare, DistributedApplicationOptions? options = null)
    {
        // Parameter values are configuration (--Parameters:name=value), read by the builder, not options of this command.
        var parsed = _root.Parse([.. args.Where(a => !IsParameterValue(a))]);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                System.Console.Error.WriteLine($"error: {error.Message}");
            }
            System.Console.Error.WriteLine("Run with --help to see the options.");
            return UsageError;
        }
        _root.SetAction(result => _publishing.IsRequested(result)
            ? _publishing.Publish(args, result, declare, options ?? new DistributedApplicationOptions())
            : RunApplication(args, result, declare, options ?? new DistributedApplicationOptions()));
        return parsed.Invoke();
    }

    private static bool IsParameterValue(string arg) =>
        arg.StartsWith($"--{ParameterResource.ConfigurationSection}:", StringComparison.OrdinalIgnoreCase);

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
