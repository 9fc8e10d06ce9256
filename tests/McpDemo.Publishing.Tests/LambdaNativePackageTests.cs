using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;

namespace McpDemo.Publishing.Tests;

/// <summary>
/// The Lambda variant deploys the server's NativeAOT binary: a custom runtime whose handler is the bootstrap that execs
/// it, on the architecture the binary is built for, beside the Web Adapter layer of that architecture, answering through
/// a streaming Function URL. The package is arm64 unless it is copied from the publish MCPDEMO_LAMBDA_NATIVE_SERVER
/// names (eng/test.sh passes its one linux-x64 publish, so CI does not compile the server natively twice).
/// </summary>
[Collection(CdkCollection.Name)]
public sealed class LambdaNativePackageTests(StatelessCloudAssembly stateless)
{
    private const string Lambda = "McpDemoLambda";

    // ELF e_machine values: what the binary's header says it runs on.
    private static readonly Dictionary<ushort, (string Lambda, string AdapterLayer)> s_architectures = new()
    {
        [0xB7] = ("arm64", "LambdaAdapterLayerArm64"),
        [0x3E] = ("x86_64", "LambdaAdapterLayerX86"),
    };

    [Fact]
    public void Function_RunsTheBootstrap_OnTheCustomRuntime_OnTheBinarysArchitecture_BesideItsAdapter()
    {
        var (architecture, adapterLayer) = s_architectures[ElfMachine(Path.Combine(PackageDirectory(), "McpDemo.Server"))];

        stateless.Template(Lambda).HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Runtime"] = "provided.al2023",
            ["Handler"] = "bootstrap",
            ["Architectures"] = new[] { architecture },
            ["Layers"] = new object[] { new Dictionary<string, object> { ["Fn::Sub"] = Match.StringLikeRegexp($":layer:{adapterLayer}:24$") } },
        }));
    }

    [Fact]
    public void FunctionUrl_StreamsResponses_AsTheAdapterIsTold()
    {
        var template = stateless.Template(Lambda);

        template.HasResourceProperties("AWS::Lambda::Url", Match.ObjectLike(new Dictionary<string, object> { ["InvokeMode"] = "RESPONSE_STREAM" }));
        template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Environment"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Variables"] = Match.ObjectLike(new Dictionary<string, object> { ["AWS_LWA_INVOKE_MODE"] = "response_stream" }),
            }),
        }));
    }

    [Fact]
    public void Package_IsTheNativeBinary_ForArm64UnlessAPublishIsGiven_WithoutAssembliesOrSymbols()
    {
        var package = PackageDirectory();
        var given = Environment.GetEnvironmentVariable("MCPDEMO_LAMBDA_NATIVE_SERVER");
        var expectedMachine = string.IsNullOrEmpty(given) ? (ushort)0xB7 : ElfMachine(Path.Combine(given, "McpDemo.Server"));

        Assert.Equal(expectedMachine, ElfMachine(Path.Combine(package, "McpDemo.Server")));
        Assert.Empty(Directory.GetFiles(package, "*.dll"));
        Assert.Empty(Directory.GetFiles(package, "*.dbg"));
        Assert.Empty(Directory.GetFiles(package, "*.pdb"));
        Assert.Matches($@"The Lambda package \({s_architectures[expectedMachine].Lambda}, NativeAOT\) is \d+\.\d MiB", stateless.Output);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Bootstrap_ExecsTheBinary_WithTheModelsArguments()
    {
        var bootstrap = Path.Combine(PackageDirectory(), "bootstrap");

        Assert.Equal("#!/bin/sh\nexec /var/task/McpDemo.Server '--Mcp:SessionMode=Stateless'\n", File.ReadAllText(bootstrap));
        Assert.True(File.GetUnixFileMode(bootstrap).HasFlag(UnixFileMode.OtherExecute), "Lambda runs the bootstrap as another user: it must be executable by all");
    }

    // The Lambda code asset: the one folder asset (the Fargate stack's image is a Docker asset).
    private string PackageDirectory()
    {
        var assets = JsonNode.Parse(File.ReadAllText(Path.Combine(stateless.OutputPath, $"{Lambda}.assets.json")))!;
        var path = (string)Assert.Single(assets["files"]!.AsObject(),
            file => ((string?)file.Value!["source"]!["path"])!.StartsWith("asset.", StringComparison.Ordinal)).Value!["source"]!["path"]!;
        return Path.Combine(stateless.OutputPath, path);
    }

    private static ushort ElfMachine(string path)
    {
        var header = File.ReadAllBytes(path)[..20];
        Assert.Equal("\u007fELF"u8.ToArray(), header[..4]);
        return BitConverter.ToUInt16(header, 18);
    }
}
