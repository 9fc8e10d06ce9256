using System.CommandLine;
using McpDemo.Hosting.ApplicationModel;

namespace McpDemo.Hosting.Publishing;

/// <summary>What a publisher works from: the model, where to write, and the parsed command line.</summary>
public sealed class PublishContext
{
    /// <summary>Creates a publish context.</summary>
    public PublishContext(DistributedApplicationModel model, string outputPath, string outputDirectory, ParseResult parseResult, TextWriter log)
    {
        Model = model;
        OutputPath = outputPath;
        OutputDirectory = outputDirectory;
        ParseResult = parseResult;
        Log = log;
    }

    /// <summary>The application model, the same one a local run starts.</summary>
    public DistributedApplicationModel Model { get; }

    /// <summary>The full path the output ends up at: what paths inside the artifacts are relative to.</summary>
    public string OutputPath { get; }

    /// <summary>The directory to write into: empty, and moved to the requested output path on success.</summary>
    public string OutputDirectory { get; }

    /// <summary>The parsed command line, for the publisher's own <see cref="IPublisher.Options"/>.</summary>
    public ParseResult ParseResult { get; }

    /// <summary>Where progress and warnings for the user go.</summary>
    public TextWriter Log { get; }
}
