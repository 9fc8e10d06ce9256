using System.CommandLine;

namespace McpDemo.Hosting.Publishing;

/// <summary>
/// Turns the application model into deployment artifacts instead of running it, e.g. an Aspire
/// manifest or an AWS CDK cloud assembly. Chosen on the AppHost's command line with <c>--publisher NAME</c>.
/// </summary>
public interface IPublisher
{
    /// <summary>The name <c>--publisher</c> selects this publisher by, e.g. <c>manifest</c>.</summary>
    string Name { get; }

    /// <summary>Options only this publisher reads; the AppHost command accepts them next to its own.</summary>
    IReadOnlyList<Option> Options { get; }

    /// <summary>
    /// Writes the artifacts into <see cref="PublishContext.OutputDirectory"/>, a fresh directory that
    /// is moved into place only if this returns. Throws <see cref="DistributedApplicationException"/>
    /// for problems the user can fix.
    /// </summary>
    void Publish(PublishContext context);
}
