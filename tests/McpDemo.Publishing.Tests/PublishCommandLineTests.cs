using McpDemo.Testing;

namespace McpDemo.Publishing.Tests;

public sealed class PublishCommandLineTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    [Fact]
    public async Task ModeTypo_FailsWithAClearError_AndWritesNothing()
    {
        var output = Path.Combine(_temp.Path, "out");

        var run = await AppHostProcess.RunAsync("--operation", "publish", "--step", "publish-aws-cdk", "--output-path", output, "--mode", "statefull");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --mode must be stateless or stateful, not 'statefull'.", run.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task Publish_IntoAnExistingDirectory_ReplacesItsOutput_AndKeepsOtherFiles()
    {
        var output = Path.Combine(_temp.Path, "out");
        Directory.CreateDirectory(output);
        await File.WriteAllTextAsync(Path.Combine(output, "aspire-manifest.json"), "stale");
        await File.WriteAllTextAsync(Path.Combine(output, "notes.txt"), "mine");

        (await AppHostProcess.RunAsync("--publisher", "manifest", "--output-path", output)).EnsureSuccess();

        Assert.StartsWith("{", await File.ReadAllTextAsync(Path.Combine(output, "aspire-manifest.json")), StringComparison.Ordinal);
        Assert.Equal("mine", await File.ReadAllTextAsync(Path.Combine(output, "notes.txt")));
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(_temp.Path).Select(Path.GetFileName));
    }

    public void Dispose() => _temp.Dispose();
}
