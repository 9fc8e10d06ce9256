using System.Diagnostics;
using Aspire.Hosting;
using Microsoft.Extensions.Logging;

namespace McpDemo.Hosting.Aws;

/// <summary>
/// The server as a Lambda zip package on the <c>provided.al2023</c> runtime: its NativeAOT binary, and a <c>bootstrap</c>
/// script that execs it; the Lambda Web Adapter layer turns invocations into HTTP requests to it. A native binary
/// starts in a fraction of the JIT's time, and a cold start is what every new concurrent instance makes a user wait.
/// The package is for arm64 unless <see cref="ArchitectureVariable"/> says otherwise, or is copied from a publish that
/// already exists (<see cref="NativeServerVariable"/>), whose binary then decides the architecture.
/// </summary>
internal sealed class LambdaPackage : IDisposable
{
    /// <summary>The environment variable that picks the package's architecture: <c>arm64</c> (the default) or <c>x86_64</c>.</summary>
    public const string ArchitectureVariable = "MCPDEMO_LAMBDA_ARCHITECTURE";

    /// <summary>
    /// The environment variable that names a folder holding the server already published with NativeAOT (the output of
    /// <c>dotnet publish src/McpDemo.Server -p:PublishAot=true -o DIR</c>): the package copies it instead of publishing
    /// again, which takes minutes. CI publishes once and every native test, these included, uses that one publish.
    /// </summary>
    public const string NativeServerVariable = "MCPDEMO_LAMBDA_NATIVE_SERVER";

    private LambdaPackage(string directory) => Directory = directory;

    /// <summary>The package folder, for <c>Code.FromAsset</c>.</summary>
    public string Directory { get; }

    /// <summary>
    /// Builds the package of <paramref name="projectPath"/> into a temporary folder, with a bootstrap that starts it with
    /// <paramref name="args"/>, and logs its architecture and size; throws saying what is missing on failure.
    /// </summary>
    public static LambdaPackage Publish(string projectPath, IEnumerable<string> args, ILogger log)
    {
        var entry = Path.GetFileNameWithoutExtension(projectPath);
        var package = new LambdaPackage(Path.Combine(Path.GetTempPath(), "mcpdemo-lambda-" + Guid.NewGuid().ToString("N")));
        try
        {
            var requested = Environment.GetEnvironmentVariable(ArchitectureVariable) is { Length: > 0 } name
                ? LambdaArchitecture.Parse(name, ArchitectureVariable)
                : null;
            if (Environment.GetEnvironmentVariable(NativeServerVariable) is { Length: > 0 } published)
            {
                package.CopyPublished(published, entry, requested, log);
            }
            else
            {
                package.PublishNative(projectPath, requested ?? LambdaArchitecture.Arm64, log);
            }
            // Symbols (NativeAOT's .dbg, the libraries' .pdb) are for debugging a crash dump and the .xml files are API
            // docs: nothing the binary reads, so they are left out of what Lambda loads on a cold start.
            foreach (var unused in new[] { "*.dbg", "*.pdb", "*.xml" }.SelectMany(pattern => System.IO.Directory.EnumerateFiles(package.Directory, pattern)))
            {
                File.Delete(unused);
            }
            WriteBootstrap(package.Directory, entry, args);
            var size = System.IO.Directory.EnumerateFiles(package.Directory, "*", SearchOption.AllDirectories).Sum(file => new FileInfo(file).Length);
            log.LogInformation("The Lambda package ({Architecture}, NativeAOT) is {Size:F1} MiB in {Directory}.",
                ArchitectureOf(package.Directory, projectPath), size / 1024.0 / 1024.0, package.Directory);
            return package;
        }
        catch
        {
            package.Dispose();
            throw;
        }
    }

    /// <summary>The architecture of the native binary of <paramref name="projectPath"/> in the package at <paramref name="packageDirectory"/>.</summary>
    public static LambdaArchitecture ArchitectureOf(string packageDirectory, string projectPath) =>
        LambdaArchitecture.OfBinary(Path.Combine(packageDirectory, Path.GetFileNameWithoutExtension(projectPath)));

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var path in new[] { Directory, Directory + ".build" }.Where(System.IO.Directory.Exists))
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
    }

    private void CopyPublished(string published, string entry, LambdaArchitecture? requested, ILogger log)
    {
        var binary = Path.Combine(published, entry);
        if (!File.Exists(binary))
        {
            throw new DistributedApplicationException($"{NativeServerVariable} is '{published}', which holds no {entry}: publish the server there with -p:PublishAot=true.");
        }
        var architecture = LambdaArchitecture.OfBinary(binary);
        if (requested is not null && requested != architecture)
        {
            throw new DistributedApplicationException($"{ArchitectureVariable} asks for {requested}, but {binary} ({NativeServerVariable}) is built for {architecture}.");
        }
        log.LogInformation("Packaging the server published with NativeAOT in {Folder} ({NativeServerVariable}) for Lambda.", published, NativeServerVariable);
        foreach (var file in System.IO.Directory.EnumerateFiles(published, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Directory, Path.GetRelativePath(published, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    // Builds in a folder of its own (--artifacts-path), so the project's bin and obj, which other builds use, are left alone.
    private void PublishNative(string projectPath, LambdaArchitecture architecture, ILogger log)
    {
        if (architecture.MissingToolchainPackages() is { Count: > 0 } missing)
        {
            throw new DistributedApplicationException(
                $"The Lambda package is the server compiled with NativeAOT for {architecture}, and this machine lacks the toolchain it links with. " +
                $"Install it (Debian; eng/install-tools.sh does): apt-get install {string.Join(' ', missing)}" +
                (architecture == LambdaArchitecture.Arm64 ? $". Or build for x86_64: {ArchitectureVariable}=x86_64." : "."));
        }
        log.LogInformation("Publishing {Project} with NativeAOT for {Architecture} (the Lambda package; minutes on a small machine)...",
            Path.GetFileName(projectPath), architecture);
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                "publish", projectPath, "-c", "Release", "-r", architecture.RuntimeIdentifier, "-p:PublishAot=true",
                "-o", Directory, "--artifacts-path", Directory + ".build", "--nologo",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var property in architecture.CrossCompileProperties())
        {
            info.ArgumentList.Add(property);
        }
        using var process = Process.Start(info) ?? throw new DistributedApplicationException("Could not start 'dotnet publish' for the Lambda package.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new DistributedApplicationException($"'dotnet publish' of the Lambda package ({architecture}, NativeAOT) failed:\n{stdout}{stderr.Result}");
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
}
