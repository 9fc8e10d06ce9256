using McpDemo.Testing;

namespace McpDemo.Publishing.Tests;

public sealed class DockerfileTests : IDisposable
{
    private static readonly string s_dockerfile = Path.Combine(RepoLayout.Root, "src", "McpDemo.Server", "Dockerfile");

    // What .dockerignore keeps out of the build context.
    private static readonly HashSet<string> s_ignored = ["bin", "obj", "node_modules", ".git", "out", "artifacts", "TestResults", "cdk.out"];

    private readonly TemporaryDirectory _context = new();

    [Fact]
    public async Task DockerfilePublishCommand_BuildsTheServer_FromACleanBuildContext()
    {
        // The exact command of the Dockerfile's RUN line, so the two cannot drift apart.
        var command = Assert.Single(File.ReadAllLines(s_dockerfile), l => l.StartsWith("RUN dotnet publish ", StringComparison.Ordinal))["RUN ".Length..];
        CopyContext(new DirectoryInfo(RepoLayout.Root), _context.Path);

        await using var publish = TestProcess.Start("/bin/sh", ["-c", command], workingDirectory: _context.Path);
        var exitCode = await publish.WaitForExitAsync(TimeSpan.FromMinutes(8));

        Assert.True(exitCode == 0, $"'{command}' failed:\n{publish.Output}");
        Assert.True(File.Exists(Path.Combine(_context.Path, "out", "server", "McpDemo.Server.dll")), publish.Output);
    }

    [Fact]
    public void Dockerfile_RunsTheServerOnAllInterfaces_OnTheTaskPort()
    {
        var lines = File.ReadAllLines(s_dockerfile);

        Assert.Contains("ENV ASPNETCORE_URLS=http://0.0.0.0:8080", lines);
        Assert.Contains("EXPOSE 8080", lines);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"McpDemo.Server.dll\"]", lines);
    }

    public void Dispose() => _context.Dispose();

    private static void CopyContext(DirectoryInfo source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in source.EnumerateFiles())
        {
            file.CopyTo(Path.Combine(destination, file.Name));
        }
        foreach (var directory in source.EnumerateDirectories().Where(d => !s_ignored.Contains(d.Name)))
        {
            CopyContext(directory, Path.Combine(destination, directory.Name));
        }
    }
}
