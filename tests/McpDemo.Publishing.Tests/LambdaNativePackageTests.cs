using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;

namespace McpDemo.Publishing.Tests;

/// <summary>
/// The Lambda variant deploys the server's NativeAOT binary: a custom runtime whose handler is the bootstrap, on the
/// architecture the binary was built for (x86_64 unless MCPDEMO_LAMBDA_ARCHITECTURE says arm64), answering through a
/// streaming Function URL.
/// </summary>
[Collection(CdkCollection.Name)]
public sealed class LambdaNativePackageTests(StatelessCloudAssembly stateless)
{
    private const string Lambda = "McpDemoLambda";

    [Fact]
    public void Function_RunsTheBootstrap_OnTheCustomRuntime_ForX86_64()
    {
        stateless.Template(Lambda).HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Runtime"] = "provided.al2023",
            ["Handler"] = "bootstrap",
            ["Architectures"] = new[] { "x86_64" },
        }));
    }

    [Fact]
    public void FunctionUrl_StreamsResponses()
    {
        stateless.Template(Lambda).HasResourceProperties("AWS::Lambda::Url", Match.ObjectLike(new Dictionary<string, object>
        {
            ["InvokeMode"] = "RESPONSE_STREAM",
        }));
    }

    [Fact]
    public void Package_IsTheNativeBinary_WithoutManagedAssembliesOrSymbols()
    {
        var assets = JsonNode.Parse(File.ReadAllText(Path.Combine(stateless.OutputPath, $"{Lambda}.assets.json")))!;
        var package = Path.Combine(stateless.OutputPath, (string)assets["files"]!.AsObject()
            .Single(file => ((string?)file.Value!["source"]!["path"])!.StartsWith("asset.", StringComparison.Ordinal)).Value!["source"]!["path"]!);

        var binary = File.ReadAllBytes(Path.Combine(package, "McpDemo.Server"));

        // An ELF executable for x86-64 (e_machine 0x3E): the native binary, not the JIT's app host beside its DLLs.
        Assert.Equal("\u007fELF"u8.ToArray(), binary[..4]);
        Assert.Equal(0x3E, BitConverter.ToUInt16(binary, 18));
        Assert.Empty(Directory.GetFiles(package, "*.dll"));
        Assert.Empty(Directory.GetFiles(package, "*.dbg"));
        Assert.Contains("The Lambda package (linux-x64, NativeAOT) is", stateless.Output);
    }
}
