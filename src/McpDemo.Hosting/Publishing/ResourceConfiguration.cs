using McpDemo.Hosting.ApplicationModel;

namespace McpDemo.Hosting.Publishing;

/// <summary>
/// Reads a configuration value a resource is given, the way ASP.NET Core configuration would see it:
/// from its arguments (<c>--Key=Value</c> or <c>--Key Value</c>) or its environment (<c>Key__Sub</c>).
/// Arguments win, as they do in <c>WebApplication.CreateBuilder</c>.
/// </summary>
public static class ResourceConfiguration
{
    /// <summary>The value of <paramref name="key"/> (e.g. <c>Mcp:SessionMode</c>), or null when not set.</summary>
    public static string? GetValue(Resource resource, string key)
    {
        var argument = "--" + key;
        for (var i = resource.Args.Count - 1; i >= 0; i--)
        {
            var arg = resource.Args[i];
            if (arg.StartsWith(argument + "=", StringComparison.OrdinalIgnoreCase))
            {
                return arg[(argument.Length + 1)..];
            }
            if (arg.Equals(argument, StringComparison.OrdinalIgnoreCase) && i + 1 < resource.Args.Count)
            {
                return resource.Args[i + 1];
            }
        }
        var variable = key.Replace(":", "__", StringComparison.Ordinal);
        return resource.Environment.FirstOrDefault(e => e.Key.Equals(variable, StringComparison.OrdinalIgnoreCase)).Value;
    }
}
