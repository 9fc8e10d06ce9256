using System.Runtime.InteropServices;
using Aspire.Hosting;
using CdkArchitecture = Amazon.CDK.AWS.Lambda.Architecture;

namespace McpDemo.Hosting.Aws;

/// <summary>
/// An instruction set Lambda runs: what the native binary is compiled for, and so the function's architecture and the
/// Lambda Web Adapter layer built for it. arm64 (Graviton) is the default: it costs about a fifth less per GB-second.
/// </summary>
internal sealed class LambdaArchitecture
{
    /// <summary>Graviton; the default.</summary>
    public static readonly LambdaArchitecture Arm64 = new("arm64", "linux-arm64", Architecture.Arm64, elfMachine: 0xB7, "LambdaAdapterLayerArm64",
        CdkArchitecture.ARM_64, crossObjCopy: "aarch64-linux-gnu-objcopy",
        // Debian's cross toolchain: clang drives the GNU cross linker, against the arm64 C library and zlib.
        new("aarch64-linux-gnu-ld", "binutils-aarch64-linux-gnu"),
        new("aarch64-linux-gnu-objcopy", "binutils-aarch64-linux-gnu"),
        new("/usr/aarch64-linux-gnu/lib/libc.so.6", "libc6-dev-arm64-cross"),
        new("/usr/lib/gcc-cross/aarch64-linux-gnu", "gcc-aarch64-linux-gnu"),
        new("/usr/lib/aarch64-linux-gnu/libz.so", "zlib1g-dev:arm64 (after dpkg --add-architecture arm64)"));

    /// <summary>Intel and AMD. Cross-compiling for it from an arm64 machine is untried, so no cross toolchain is named.</summary>
    public static readonly LambdaArchitecture X86_64 = new("x86_64", "linux-x64", Architecture.X64, elfMachine: 0x3E, "LambdaAdapterLayerX86",
        CdkArchitecture.X86_64, crossObjCopy: null);

    private static readonly LambdaArchitecture[] s_all = [Arm64, X86_64];

    // What every NativeAOT link needs, whatever the target: clang drives the linker, against zlib's headers.
    private static readonly Requirement[] s_commonToolchain = [new("clang", "clang"), new("/usr/include/zlib.h", "zlib1g-dev")];

    private readonly ushort _elfMachine;
    private readonly Architecture _processArchitecture;
    private readonly string? _crossObjCopy;
    private readonly Requirement[] _crossToolchain;

    private LambdaArchitecture(string name, string runtimeIdentifier, Architecture processArchitecture, ushort elfMachine, string adapterLayer,
        CdkArchitecture cdk, string? crossObjCopy, params Requirement[] crossToolchain)
    {
        Name = name;
        RuntimeIdentifier = runtimeIdentifier;
        _processArchitecture = processArchitecture;
        _elfMachine = elfMachine;
        DefaultAdapterLayerArn = $"arn:aws:lambda:${{AWS::Region}}:753240598075:layer:{adapterLayer}:24";
        Cdk = cdk;
        _crossObjCopy = crossObjCopy;
        _crossToolchain = crossToolchain;
    }

    // Whether this machine compiles for another instruction set than its own.
    private bool IsCross => RuntimeInformation.OSArchitecture != _processArchitecture;

    /// <summary>Lambda's name for it: <c>arm64</c> or <c>x86_64</c>.</summary>
    public string Name { get; }

    /// <summary>The .NET runtime identifier the binary is published for.</summary>
    public string RuntimeIdentifier { get; }

    /// <summary>The function's architecture.</summary>
    public CdkArchitecture Cdk { get; }

    /// <summary>
    /// AWS's public Lambda Web Adapter layer (version 24) for this architecture; published under the same account in each
    /// commercial region, so the region is filled in at deploy time (<c>Fn::Sub</c>).
    /// </summary>
    public string DefaultAdapterLayerArn { get; }

    /// <summary>The architecture named <paramref name="name"/> (<c>arm64</c> or <c>x86_64</c>).</summary>
    public static LambdaArchitecture Parse(string name, string setting) =>
        s_all.FirstOrDefault(a => a.Name == name)
        ?? throw new DistributedApplicationException($"{setting} is '{name}'; use {string.Join(" or ", s_all.Select(a => a.Name))}.");

    /// <summary>The architecture the ELF executable <paramref name="path"/> is compiled for (its header's <c>e_machine</c>).</summary>
    public static LambdaArchitecture OfBinary(string path)
    {
        Span<byte> header = stackalloc byte[20];
        using (var file = File.OpenRead(path))
        {
            file.ReadExactly(header);
        }
        var machine = BitConverter.ToUInt16(header[18..]);
        return header[..4].SequenceEqual("\u007fELF"u8)
            ? s_all.FirstOrDefault(a => a._elfMachine == machine)
                ?? throw new DistributedApplicationException($"{path} is an ELF executable for machine 0x{machine:X}, which Lambda does not run.")
            : throw new DistributedApplicationException($"{path} is not a native Linux executable (an ELF file): publish it with -p:PublishAot=true.");
    }

    /// <summary>
    /// Apt packages of the toolchain NativeAOT needs to link for this architecture on this machine that are missing:
    /// cross-compiling fails deep in the link with an obscure message, so the publish step names them all up front.
    /// </summary>
    public IReadOnlyList<string> MissingToolchainPackages()
    {
        return [.. s_commonToolchain.Concat(IsCross ? _crossToolchain : []).Where(r => !r.IsPresent()).Select(r => r.AptPackage).Distinct()];
    }

    /// <summary>
    /// The MSBuild properties a cross-compiling publish needs on this machine: the ILCompiler already tells clang the
    /// target, but strips the symbols with the host's objcopy, which does not read arm64 files.
    /// </summary>
    public IReadOnlyList<string> CrossCompileProperties() =>
        IsCross && _crossObjCopy is not null ? [$"-p:ObjCopyName={_crossObjCopy}"] : [];

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>A tool on PATH (a bare name) or a file or folder (an absolute path), and the Debian package that brings it.</summary>
    private sealed record Requirement(string ToolOrPath, string AptPackage)
    {
        public bool IsPresent() => Path.IsPathRooted(ToolOrPath)
            ? Path.Exists(ToolOrPath)
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(folder => File.Exists(Path.Combine(folder, ToolOrPath)));
    }
}
