using System.Text.Json;
using McpDemo.Hosting.ApplicationModel;

namespace McpDemo.Hosting.Publishing;

/// <summary>
/// <c>replicas.json</c>, written beside the manifest: <c>{"server": 3, "gateway": 1, ...}</c>, one
/// entry per resource that runs (parameters do not). The Aspire 8.0 manifest schema has no replica count, so deployment scripts read
/// it from here (e.g. <c>azd</c>'s container app scale, or <c>kubectl scale</c> after aspirate).
/// </summary>
public static class ReplicasFile
{
    /// <summary>The file name inside the output directory.</summary>
    public const string FileName = "replicas.json";

    private static readonly JsonSerializerOptions s_options = new() { WriteIndented = true };

    /// <summary>Writes the replica count of every resource of <paramref name="model"/> to <paramref name="directory"/>.</summary>
    public static void Write(string directory, DistributedApplicationModel model)
    {
        var counts = model.Resources.Where(r => r is not ParameterResource).ToDictionary(r => r.Name, r => r.Replicas);
        File.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(counts, s_options) + "\n");
    }

}
