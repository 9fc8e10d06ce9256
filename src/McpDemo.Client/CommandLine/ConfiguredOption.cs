using System.CommandLine;
using Microsoft.Extensions.Configuration;

namespace McpDemo.Client.CommandLine;

/// <summary>
/// A string option valid on every command that falls back to a configuration key (an environment variable, such as the
/// ones the AppHost sets), so secrets can stay out of the command line and the process list.
/// </summary>
internal sealed class ConfiguredOption : Option<string?>
{
    public ConfiguredOption(string name, string configurationKey, string helpName, string description)
        : base(name)
    {
        ConfigurationKey = configurationKey;
        Description = $"{description} [default: ${configurationKey}, else none]";
        HelpName = helpName;
        Recursive = true;
    }

    /// <summary>The configuration key (an environment variable) read when the option is absent.</summary>
    public string ConfigurationKey { get; }

    /// <summary>The option's value, else the configured one, else null.</summary>
    public string? Resolve(ParseResult parseResult, IConfiguration configuration) =>
        parseResult.GetValue(this) is { Length: > 0 } value ? value
        : configuration[ConfigurationKey] is { Length: > 0 } configured ? configured
        : null;
}
