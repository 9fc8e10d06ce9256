namespace McpDemo.Client.Tests;

/// <summary>The exit codes the client documents in --help; scripts rely on these numbers, so tests pin them.</summary>
internal static class DocumentedExitCodes
{
    public const int Success = 0;
    public const int Usage = 1;
    public const int Unreachable = 2;
    public const int NotMcp = 3;
    public const int HttpError = 4;
    public const int ToolError = 5;
}
