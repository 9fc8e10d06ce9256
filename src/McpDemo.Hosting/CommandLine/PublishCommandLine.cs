using System.CommandLine;
using McpDemo.Hosting.Publishing;

namespace McpDemo.Hosting.CommandLine;

/// <summary>
/// The <c>--publisher NAME --output-path DIR</c> options of an AppHost and what they do: build the
/// same model a local run would start, and hand it to the named publisher, writing all or nothing.
/// </summary>
internal sealed class PublishCommandLine
{
    private readonly Dictionary<string, IPublisher> _publishers = new(StringComparer.Ordinal);
    private readonly RootCommand _root;
    private readonly Option<string> _publisher = new("--publisher");

    private readonly Option<string> _outputPath = new("--output-path")
    {
        Description = "The directory the publisher writes into (required with --publisher).",
    };

    public PublishCommandLine(RootCommand root)
    {
        _root = root;
        root.Options.Add(_publisher);
        root.Options.Add(_outputPath);
        _publisher.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && !_publishers.ContainsKey(token.Value))
            {
                result.AddError($"Unknown publisher '{token.Value}'; use one of: {string.Join(", ", _publishers.Keys)}.");
            }
        });
        root.Validators.Add(result =>
        {
            var hasPublisher = result.GetResult(_publisher) is not null;
            var hasOutput = result.GetResult(_outputPath) is not null;
            if (hasPublisher && !hasOutput)
            {
                result.AddError("--publisher needs --output-path DIR: the directory to write into.");
            }
            else if (!hasPublisher && hasOutput)
            {
                result.AddError("--output-path is only used with --publisher.");
            }
        });
    }

    public void Add(IPublisher publisher)
    {
        if (!_publishers.TryAdd(publisher.Name, publisher))
        {
            throw new InvalidOperationException($"A publisher named '{publisher.Name}' is already added.");
        }
        _publisher.Description = $"Publish the application instead of running it, with one of: {string.Join(", ", _publishers.Keys)}.";
        foreach (var option in publisher.Options)
        {
            _root.Options.Add(option);
        }
    }

    public bool IsRequested(ParseResult parsed) => parsed.GetValue(_publisher) is not null;

    public int Publish(string[] args, ParseResult parsed, Action<DistributedApplicationBuilder, ParseResult> declare, DistributedApplicationOptions options)
    {
        try
        {
            var publisher = _publishers[parsed.GetValue(_publisher)!];
            var outputPath = Path.GetFullPath(parsed.GetValue(_outputPath)!);
            var builder = DistributedApplication.CreateBuilder(options, args);
            declare(builder, parsed);
            var model = builder.Build().Model;
            using var staged = StagedOutputDirectory.Create(outputPath);
            publisher.Publish(new PublishContext(model, outputPath, staged.Path, parsed, options.ConsoleOutput ?? TextWriter.Null));
            staged.Commit();
            return 0;
        }
        catch (DistributedApplicationException e)
        {
            System.Console.Error.WriteLine($"error: {e.Message}");
            return AppHostCommand.RunError;
        }
    }
}
