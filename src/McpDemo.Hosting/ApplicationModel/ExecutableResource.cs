namespace McpDemo.Hosting.ApplicationModel;

/// <summary>Any executable: a command found on <c>PATH</c> or by path, run in a working directory.</summary>
public sealed class ExecutableResource : Resource
{
    /// <summary>Creates an executable resource.</summary>
    public ExecutableResource(string name, string command, string workingDirectory)
        : base(name)
    {
        Command = command;
        WorkingDirectory = workingDirectory;
    }

    /// <summary>The program to start.</summary>
    public string Command { get; }

    /// <summary>The directory the program starts in.</summary>
    public string WorkingDirectory { get; }
}
