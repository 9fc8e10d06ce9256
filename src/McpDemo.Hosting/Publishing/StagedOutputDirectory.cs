namespace McpDemo.Hosting.Publishing;

/// <summary>
/// A temporary directory beside the requested output path that a publisher fills; <see cref="Commit"/>
/// moves its entries into place, and disposing without committing deletes it, so a failed publish
/// leaves no half-written output behind.
/// </summary>
internal sealed class StagedOutputDirectory : IDisposable
{
    private readonly string _target;

    private StagedOutputDirectory(string target, string path)
    {
        _target = target;
        Path = path;
    }

    /// <summary>The staging directory to write into.</summary>
    public string Path { get; }

    /// <summary>Creates the staging directory next to <paramref name="outputPath"/> (same file system, so moves are renames).</summary>
    public static StagedOutputDirectory Create(string outputPath)
    {
        var target = System.IO.Path.GetFullPath(outputPath);
        if (File.Exists(target))
        {
            throw new DistributedApplicationException($"Output path '{target}' is a file; give a directory.");
        }
        var parent = System.IO.Path.GetDirectoryName(target.TrimEnd(System.IO.Path.DirectorySeparatorChar))
            ?? throw new DistributedApplicationException($"Output path '{target}' has no parent directory; choose a directory below the root.");
        var staging = System.IO.Path.Combine(parent, $".{System.IO.Path.GetFileName(target.TrimEnd(System.IO.Path.DirectorySeparatorChar))}.publishing-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(parent);
            Directory.CreateDirectory(staging);
            if (Directory.Exists(target))
            {
                // Prove the target itself is writable now, not after minutes of synthesis.
                using var probe = File.Create(System.IO.Path.Combine(target, $".write-test-{Guid.NewGuid():N}"), 1, FileOptions.DeleteOnClose);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(staging);
            throw new DistributedApplicationException($"Cannot write to output path '{target}': {e.Message}", e);
        }
        return new StagedOutputDirectory(target, staging);
    }

    /// <summary>
    /// Moves every entry of the staging directory into the output path, replacing entries of the same
    /// name; other files already there are left alone.
    /// </summary>
    public void Commit()
    {
        try
        {
            if (!Directory.Exists(_target))
            {
                Directory.Move(Path, _target);
                return;
            }
            foreach (var entry in new DirectoryInfo(Path).EnumerateFileSystemInfos())
            {
                var destination = System.IO.Path.Combine(_target, entry.Name);
                Delete(destination);
                if (entry is DirectoryInfo directory)
                {
                    directory.MoveTo(destination);
                }
                else
                {
                    ((FileInfo)entry).MoveTo(destination);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DistributedApplicationException($"Cannot move the output into '{_target}': {e.Message}", e);
        }
    }

    /// <summary>Deletes what is left of the staging directory: all of it unless committed.</summary>
    public void Dispose() => TryDelete(Path);

    private static void Delete(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the staging directory is hidden and uniquely named, so a leftover harms nothing.
        }
    }
}
