using System.Diagnostics;
using Aspire.Hosting;
using Microsoft.Extensions.Logging;

namespace McpDemo.Hosting.Aws;

/// <summary>
/// The server published with NativeAOT into a folder Lambda runs as a zip package on the <c>provided.al2023</c>
/// runtime: a <c>bootstrap</c> script execs the native binary, and the Lambda Web Adapter layer turns invocations into
/// HTTP requests to it. A native binary starts in a fraction of the JIT's time, which is what a Lambda cold start pays.
/// </summary>
internal sealed class LambdaPackage : IDisposable
{
    /// <summary>
    /// The environment variable that picks the package's architecture: <c>x86_64</c> (the default) or <c>arm64</c>.
    /// arm64 is cross-compiled, which needs a cross toolchain (see <see cref="Arm64Toolchain"/>).
    /// </summary>
    public const string ArchitectureVariable = "MCPDEMO_LAMBDA_ARCHITECTURE";

    // Debian's arm64 cross toolchain: the sysroot with arm64 libc, the linker clang drives, and objcopy for the symbols.
    private const string Arm64SysRoot = "/usr/aarch64-linux-gnu";
    private const string Arm64Toolchain =
        "clang, lld, gcc-aarch64-linux-gnu, binutils-aarch64-linux-gnu, libc6-dev-arm64-cross and zlib for arm64 (zlib1g-dev:arm64)";

    private LambdaPackage(string directory) => Directory = directory;

    /// <summary>The package folder, for <c>Code.FromAsset</c>.</summary>
    public string Directory { get; }

    /// <summary>Whether the package is built for arm64 (Graviton) rather than x86_64, from <see cref="ArchitectureVariable"/>.</summary>
    public static bool IsArm64 => Environment.GetEnvironmentVariable(ArchitectureVariable) switch
    {
        null or "" or "x86_64" => false,
        "arm64" => true,
        var other => throw new DistributedApplicationException($"{ArchitectureVariable} is '{other}'; use x86_64 or arm64."),
    };

    /// <summary>
    /// Publishes <paramref name="projectPath"/> with NativeAOT into a temporary folder (building in another, so the
    /// project's own bin and obj, which other builds use, are left alone) with a bootstrap that starts it with
    /// <paramref name="args"/>, and logs the package's size; throws with dotnet's output on failure.
    /// </summary>
    public static LambdaPackage Publish(string projectPath, IEnumerable<string> args, ILogger log)
    {
        var runtime = IsArm64 ? "linux-arm64" : "linux-x64";
        var directory = Path.Combine(Path.GetTempPath(), "mcpdemo-lambda-" + Guid.NewGuid().ToString("N"));
        log.LogInformation("Publishing {Project} with NativeAOT for {Runtime} (the Lambda package; a few minutes)...", Path.GetFileName(projectPath), runtime);
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                "publish", projectPath, "-c", "Release", "-r", runtime, "-p:PublishAot=true",
                "-o", directory, "--artifacts-path", directory + ".build", "--nologo",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (IsArm64)
        {
            EnsureArm64Toolchain();
            info.ArgumentList.Add($"-p:SysRoot={Arm64SysRoot}");
            info.ArgumentList.Add("-p:LinkerFlavor=lld");
            info.ArgumentList.Add("-p:ObjCopyName=aarch64-linux-gnu-objcopy");
        }
        using var process = Process.Start(info) ?? throw new DistributedApplicationException("Could not start 'dotnet publish' for the Lambda package.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            new LambdaPackage(directory).Dispose();
            throw new DistributedApplicationException(
                $"'dotnet publish' of the Lambda package failed. NativeAOT links with the native toolchain: clang and zlib1g-dev " +
                $"(eng/install-tools.sh installs them){(IsArm64 ? ", and for arm64 " + Arm64Toolchain : "")}.\n{stdout}{stderr.Result}");
        }
        // The separate symbols are for debugging a crash dump, not for Lambda: left out, they cost nothing to deploy.
        foreach (var symbols in System.IO.Directory.EnumerateFiles(directory, "*.dbg"))
        {
            File.Delete(symbols);
        }
        WriteBootstrap(directory, Path.GetFileNameWithoutExtension(projectPath), args);
        var size = System.IO.Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Sum(file => new FileInfo(file).Length);
        log.LogInformation("The Lambda package ({Runtime}, NativeAOT) is {Size:F1} MiB in {Directory}.", runtime, size / 1024.0 / 1024.0, directory);
        return new LambdaPackage(directory);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var path in new[] { Directory, Directory + ".build" }.Where(System.IO.Directory.Exists))
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
    }

    // Lambda's custom runtime runs ./bootstrap from the package root (/var/task).
    private static void WriteBootstrap(string directory, string entry, IEnumerable<string> args)
    {
        var bootstrap = Path.Combine(directory, "bootstrap");
        var quotedArgs = string.Concat(args.Select(a => " '" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
        File.WriteAllText(bootstrap, $"#!/bin/sh\nexec /var/task/{entry}{quotedArgs}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(bootstrap, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
    }

    // Cross-compiling fails deep in the link with an obscure message when a piece is missing: name them all up front.
    private static void EnsureArm64Toolchain()
    {
        var missing = new List<string>();
        if (!File.Exists(Path.Combine(Arm64SysRoot, "lib", "libc.so.6")))
        {
            missing.Add($"an arm64 sysroot at {Arm64SysRoot}");
        }
        foreach (var tool in new[] { "clang", "ld.lld", "aarch64-linux-gnu-objcopy" })
        {
            if (!OnPath(tool))
            {
                missing.Add(tool);
            }
        }
        if (missing.Count > 0)
        {
            throw new DistributedApplicationException(
                $"The arm64 Lambda package is cross-compiled with NativeAOT and this machine lacks {string.Join(", ", missing)}. " +
                $"Install {Arm64Toolchain} (Debian: apt-get install clang lld gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu " +
                $"libc6-dev-arm64-cross), or build for x86_64 (unset {ArchitectureVariable}).");
        }
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(folder => File.Exists(Path.Combine(folder, tool)));
}
