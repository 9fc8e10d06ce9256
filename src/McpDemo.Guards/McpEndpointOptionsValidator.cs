using Microsoft.Extensions.Options;

namespace McpDemo.Guards;

/// <summary>Rejects <see cref="McpEndpointOptions"/> that cannot work, at startup, naming the configuration key at fault.</summary>
internal sealed class McpEndpointOptionsValidator : IValidateOptions<McpEndpointOptions>
{
    private const string Section = McpEndpointOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, McpEndpointOptions options)
    {
        List<string> failures = [];
        if (!string.Equals(options.SessionMode, McpEndpointOptions.Stateless, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(options.SessionMode, McpEndpointOptions.Stateful, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{Section}:SessionMode must be Stateless or Stateful, but was '{options.SessionMode}'.");
        }
        if (options.IdleTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:IdleTimeout must be positive (for example 02:00:00), but was {options.IdleTimeout}.");
        }
        if (options.MaxIdleSessions < 1)
        {
            failures.Add($"{Section}:MaxIdleSessions must be at least 1, but was {options.MaxIdleSessions}.");
        }
        if (options.MaxRequestBodySize < 1024)
        {
            failures.Add($"{Section}:MaxRequestBodySize must be at least 1024 bytes, but was {options.MaxRequestBodySize}.");
        }
        AddBlankEntries(failures, options.AllowedHosts, $"{Section}:AllowedHosts");
        AddBlankEntries(failures, options.AllowedOrigins, $"{Section}:AllowedOrigins");
        AddBlankEntries(failures, options.ApiKeys, $"{Section}:ApiKeys");
        for (var i = 0; i < options.ApiKeys.Length; i++)
        {
            // Only the key's position is named: configuration errors end up in logs, keys must not.
            if (options.ApiKeys[i] is { Length: > 0 and < 16 })
            {
                failures.Add($"{Section}:ApiKeys:{i} is shorter than 16 characters; use a long random key.");
            }
        }
        foreach (var origin in options.AllowedOrigins)
        {
            if (origin is { Length: > 0 } && origin != "*" && !Uri.TryCreate(origin, UriKind.Absolute, out _))
            {
                failures.Add($"{Section}:AllowedOrigins entry '{origin}' is not an absolute origin such as https://app.example.com.");
            }
        }
        failures.AddRange(options.Auth.Problems($"{Section}:Auth"));
        if (options.Auth.IsEnabled && options.ApiKeys.Length > 0)
        {
            // Either would do, but a server that takes both has the weaker one's strength: pick one.
            failures.Add($"{Section}:ApiKeys and {Section}:Auth:Authority are both set; a server takes API keys or OAuth tokens, not both. Remove one.");
        }
        foreach (var (tool, scopes) in options.Auth.ToolScopes)
        {
            if (scopes.Contains('"') || scopes.Contains('\\'))
            {
                failures.Add($"{Section}:Auth:ToolScopes:{tool} is '{scopes}'; scopes are space-separated tokens without quotes or backslashes.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddBlankEntries(List<string> failures, string[] entries, string key)
    {
        for (var i = 0; i < entries.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(entries[i]))
            {
                failures.Add($"{key}:{i} is empty.");
            }
        }
    }
}
