namespace McpDemo.Hosting;

/// <summary>
/// A problem the user can fix: a bad declaration, a busy port, a missing build. Hosts print its
/// message (never a stack trace) and exit non-zero.
/// </summary>
public sealed class DistributedApplicationException : Exception
{
    /// <summary>Creates the exception with a message that says what is wrong and how to fix it.</summary>
    public DistributedApplicationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public DistributedApplicationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
