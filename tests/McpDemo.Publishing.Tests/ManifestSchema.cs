using McpDemo.Testing;

namespace McpDemo.Publishing.Tests;

/// <summary>The Aspire 8.0 manifest schema (a copy kept beside these tests), checked by a JSON Schema validator under node.</summary>
internal static class ManifestSchema
{
    /// <summary>Validates the manifest at <paramref name="manifestPath"/>; fails with the validator's output when it does not.</summary>
    public static async Task AssertValidAsync(string manifestPath)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "validate-schema.mjs");
        await using var node = NodeTools.Start(script, [NodeTools.ToolsFolder, TestTools.ManifestSchema, manifestPath]);

        var exitCode = await node.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.True(exitCode == 0, $"The manifest does not validate:\n{node.Output}");
        Assert.Contains("valid", node.Output, StringComparison.Ordinal);
    }
}
