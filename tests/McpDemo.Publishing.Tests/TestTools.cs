using McpDemo.Testing;

namespace McpDemo.Publishing.Tests;

/// <summary>The pinned tools and files the publishing tests need, beside those <see cref="NodeTools"/> finds.</summary>
internal static class TestTools
{
    /// <summary>The cfn-guard binary shipped inside @cdklabs/cdk-validator-cfnguard.</summary>
    public static string CfnGuard => NodeTools.Module(Path.Combine(
        "@cdklabs", "cdk-validator-cfnguard", "bin", "ubuntu",
        System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "aarch64" : "x86_64",
        "cfn-guard"));

    /// <summary>The repository's own cfn-guard rules.</summary>
    public static string PolicyDirectory => Path.Combine(RepoLayout.Root, "eng", "policy");

    /// <summary>The Aspire 8.0 manifest schema, a copy kept beside these tests (Schemas/README.md says whence).</summary>
    public static string ManifestSchema { get; } = Path.Combine(AppContext.BaseDirectory, "Schemas", "aspire-manifest-8.0.json");
}
