using System.CommandLine;
using System.Text.Json;

namespace McpDemo.Client.CommandLine;

/// <summary>
/// <c>--arg key=value</c>, repeatable: a tool's arguments. A value that is valid JSON is sent as that
/// JSON (<c>delayMs=5</c> is a number, <c>tags=["a"]</c> an array); anything else is sent as a string.
/// </summary>
internal sealed class ToolArgumentsOption : Option<IReadOnlyDictionary<string, object?>>
{
    public ToolArgumentsOption()
        : base("--arg", "-a")
    {
        Description = "A tool argument as key=value; repeat for more. Values that are valid JSON are sent as JSON, others as strings.";
        HelpName = "key=value";
        Arity = ArgumentArity.ZeroOrMore;
        DefaultValueFactory = _ => new Dictionary<string, object?>();
        CustomParser = result =>
        {
            var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var token in result.Tokens)
            {
                var separator = token.Value.IndexOf('=', StringComparison.Ordinal);
                if (separator <= 0)
                {
                    result.AddError($"--arg '{token.Value}' is not key=value; write e.g. --arg delayMs=5.");
                    continue;
                }
                var key = token.Value[..separator];
                if (!arguments.TryAdd(key, ParseValue(token.Value[(separator + 1)..])))
                {
                    result.AddError($"--arg '{key}' is given twice; give each argument once.");
                }
            }
            return arguments;
        };
    }

    /// <summary>The value as JSON when it parses as JSON, else as a JSON string.</summary>
    public static JsonElement ParseValue(string value)
    {
        try
        {
            using var document = JsonDocument.Parse(value);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(value);
        }
    }
}
