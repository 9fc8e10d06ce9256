namespace McpDemo.Testing;

/// <summary>A fresh directory under the system temp folder (an issuer's keys, a publish output), deleted with everything in it on dispose.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    /// <summary>The directory's full path.</summary>
    public string Path { get; } = Directory.CreateTempSubdirectory("mcpdemo-").FullName;

    /// <summary>Deletes the directory.</summary>
    public void Dispose() => Directory.Delete(Path, recursive: true);
}
