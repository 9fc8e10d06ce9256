using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Publishing;

namespace McpDemo.Hosting;

/// <summary>
/// Writes <c>replicas.json</c> beside the published manifest: <c>{"server": 3, "gateway": 1, ...}</c>, one entry
/// per project and executable. Aspire's manifest has no replica count, so deployment scripts read it from
/// here (e.g. <c>azd</c>'s container app scale, or <c>kubectl scale</c> after aspirate).
/// </summary>
public static class ReplicasFileExtensions
{
    /// <summary>The side file's name inside the output directory.</summary>
    public const string FileName = "replicas.json";

    private static readonly JsonSerializerOptions s_options = new() { WriteIndented = true };

    /// <summary>After the app is published to <c>--output-path</c>, writes the replica count of each of its runnable resources there.</summary>
    public static IDistributedApplicationBuilder WithReplicasFile(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Eventing.Subscribe<AfterPublishEvent>((published, cancellationToken) =>
        {
            // Aspire resolves --output-path against the AppHost's folder; so does this.
            if (builder.Configuration["output-path"] is not { Length: > 0 } outputPath)
            {
                return Task.CompletedTask;
            }
            var counts = published.Model.Resources
                .Where(r => r is ProjectResource or ExecutableResource)
                .ToDictionary(r => r.Name, r => r.TryGetLastAnnotation<ReplicaAnnotation>(out var replicas) ? replicas.Replicas : 1);
            var directory = Path.GetFullPath(outputPath, builder.AppHostDirectory);
            Directory.CreateDirectory(directory);
            return File.WriteAllTextAsync(Path.Combine(directory, FileName), JsonSerializer.Serialize(counts, s_options) + "\n", cancellationToken);
        });
        return builder;
    }
}
