using System.Runtime.CompilerServices;
using ModelContextProtocol;

namespace McpDemo.Server.Tools;

/// <summary>Argument checks whose failures reach the client as a tool error (<c>isError</c>) with a clear message.</summary>
internal static class ToolArguments
{
    public static int InRange(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value < min || value > max)
        {
            // The SDK shows an McpException's message to the client; other exceptions become a generic error.
            throw new McpException($"{name} must be between {min} and {max}; got {value}.");
        }
        return value;
    }
}
