using System.Text.RegularExpressions;

namespace McpDemo.Hosting.ApplicationModel;

/// <summary>
/// The rule for resource names: lower-case letters, digits and single hyphens, starting with a letter.
/// Names end up in environment variable keys, DNS-like service names and cloud resource ids.
/// </summary>
public static partial class ResourceName
{
    /// <summary>Whether <paramref name="name"/> is a valid resource name.</summary>
    public static bool IsValid(string? name) => name is { Length: > 0 and <= 64 } && Pattern().IsMatch(name);

    internal static void ThrowIfInvalid(string name)
    {
        if (!IsValid(name))
        {
            throw new DistributedApplicationException(
                $"'{name}' is not a valid resource name: use 1 to 64 lower-case letters, digits and hyphens, starting with a letter.");
        }
    }

    [GeneratedRegex("^[a-z](-?[a-z0-9])*$")]
    private static partial Regex Pattern();
}
