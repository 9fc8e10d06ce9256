using System.Diagnostics;
using Aspire.Hosting;
using Microsoft.Extensions.Logging;

namespace McpDemo.Hosting.Aws;

/// <summary>
/// The server published self-contained for linux-x64 into a folder Lambda runs as a zip package on the
/// <c>provided.al2023</c> runtime: a <c>bootstrap</c> script starts the web app, and the Lambda Web
/// Adapter layer turns invocations into HTTP requests to it.
/// </summary>
internal sealed class LambdaPackage : IDisposable
{
    private LambdaPackage(string directory) => Directory = directory;

    /// <summary>The package folder, for <c>Code.FromAsset</c>.</summary>
    public string Directory { get; }

    /// <summary>
    /// Publishes <paramref name="projectPath"/> into a temporary folder (building in another, so the
    /// project's own bin and obj, which other builds use, are left alone) with a bootstrap that starts it
    /// with <paramref name="args"/>; throws with dotnet's output on failure.
    /// </summary>
    public static LambdaPackage Publish(string projectPath, IEnumerable<string> args, ILogger log)
    {
        var directory = Path.Combine(Path.GetTempPath(), "mcpdemo-lambda-" + Guid.NewGuid().ToString("N"));
        log.LogInformation("Publishing {Project} for linux-x64 (the Lambda package)...", Path.GetFileName(projectPath));
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "publish", projectPath, "-c", "Release", "-r", "linux-x64", "--self-contained", "true", "-o", directory, "--artifacts-path", directory + ".build", "--nologo" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info) ?? throw new DistributedApplicationException("Could not start 'dotnet publish' for the Lambda package.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            new LambdaPackage(directory).Dispose();
            throw new DistributedApplicationException($"'dotnet publish' of the Lambda package failed:\n{stdout}{stderr.Result}");
        }
        var entry = Path.GetFileNameWithoutExtension(projectPath);
        var bootstrap = Path.Combine(directory, "bootstrap");
        // Lambda's custom runtime runs ./bootstrap from the package root (/var/task).
        var quotedArgs = string.Concat(args.Select(a => " '" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
        File.WriteAllText(bootstrap, $"#!/bin/sh\nexec /var/task/{entry}{quotedArgs}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(bootstrap, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
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
}
