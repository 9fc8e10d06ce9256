using System.Text.Json;

namespace McpDemo.Testing;

/// <summary>
/// The <c>RESULT {json}</c> line the peer scripts under <c>eng/tools</c> print last: what the peer saw, for a test to check.
/// </summary>
public static class ResultLine
{
    private const string Prefix = "RESULT ";

    /// <summary>The JSON of the last <c>RESULT</c> line in <paramref name="output"/>.</summary>
    /// <exception cref="InvalidOperationException">There is no such line.</exception>
    public static JsonElement Parse(string output)
    {
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No '{Prefix}' line in:\n{output}");
        using var document = JsonDocument.Parse(line[Prefix.Length..]);
        return document.RootElement.Clone();
    }

    /// <summary>The last <c>RESULT</c> line in <paramref name="output"/> as a <typeparamref name="T"/>, its names in camelCase.</summary>
    public static T Parse<T>(string output) =>
        Parse(output).Deserialize<T>(JsonSerializerOptions.Web) ?? throw new InvalidOperationException($"An unreadable result in:\n{output}");
}
