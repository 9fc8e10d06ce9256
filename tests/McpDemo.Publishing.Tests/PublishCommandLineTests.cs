namespace McpDemo.Publishing.Tests;

public sealed class PublishCommandLineTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task UnknownPublisher_FailsWithAClearError_AndWritesNothing()
    {
        var output = Path.Combine(_temp.Path, "out");

        var run = await AppHostRun.StartAsync("--publisher", "terraform", "--output-path", output);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Unknown publisher 'terraform'; use one of: manifest, aws.", run.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task ModeTypo_FailsWithAClearError_AndWritesNothing()
    {
        var output = Path.Combine(_temp.Path, "out");

        var run = await AppHostRun.StartAsync("--publisher", "aws", "--output-path", output, "--mode", "statefull");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("statefull", run.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task UnwritableOutputPath_FailsWithAClearError_AndLeavesNothing()
    {
        // A path below a regular file cannot be created, even by root.
        var file = Path.Combine(_temp.Path, "not-a-directory");
        await File.WriteAllTextAsync(file, "x");

        var run = await AppHostRun.StartAsync("--publisher", "manifest", "--output-path", Path.Combine(file, "out"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: Cannot write to output path", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
        Assert.Equal([file], Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task OutputPathThatIsAFile_FailsWithAClearError_AndKeepsTheFile()
    {
        var file = Path.Combine(_temp.Path, "existing.txt");
        await File.WriteAllTextAsync(file, "keep me");

        var run = await AppHostRun.StartAsync("--publisher", "manifest", "--output-path", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is a file; give a directory", run.Output, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(file));
        Assert.Equal([file], Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task PublisherWithoutOutputPath_FailsWithAClearError()
    {
        var run = await AppHostRun.StartAsync("--publisher", "manifest");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--publisher needs --output-path DIR", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_IntoAnExistingDirectory_ReplacesItsOutput_AndKeepsOtherFiles()
    {
        var output = Path.Combine(_temp.Path, "out");
        Directory.CreateDirectory(output);
        await File.WriteAllTextAsync(Path.Combine(output, "aspire-manifest.json"), "stale");
        await File.WriteAllTextAsync(Path.Combine(output, "notes.txt"), "mine");

        (await AppHostRun.StartAsync("--publisher", "manifest", "--output-path", output)).EnsureSuccess();

        Assert.StartsWith("{", await File.ReadAllTextAsync(Path.Combine(output, "aspire-manifest.json")), StringComparison.Ordinal);
        Assert.Equal("mine", await File.ReadAllTextAsync(Path.Combine(output, "notes.txt")));
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(_temp.Path).Select(Path.GetFileName));
    }

    public void Dispose() => _temp.Dispose();
}
