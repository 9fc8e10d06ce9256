using Microsoft.Extensions.Options;

namespace McpDemo.StreamableHttp;

/// <summary>Rejects <see cref="McpHttpOptions"/> that cannot work, at startup, naming the configuration key at fault.</summary>
internal sealed class McpHttpOptionsValidator : IValidateOptions<McpHttpOptions>
{
    public ValidateOptionsResult Validate(string? name, McpHttpOptions options)
    {
        var failures = new List<string>();
        const string Section = McpHttpOptions.SectionName;

        if (!Enum.IsDefined(options.SessionMode))
        {
            failures.Add($"{Section}:SessionMode must be Stateless or Stateful.");
        }

        if (options.IdleTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:IdleTimeout must be positive (for example 02:00:00), but was {options.IdleTimeout}.");
        }

        if (options.MaxSessions < 1)
        {
            failures.Add($"{Section}:MaxSessions must be at least 1, but was {options.MaxSessions}.");
        }

        if (options.MaxRequestBodySize < 1024)
        {
            failures.Add($"{Section}:MaxRequestBodySize must be at least 1024 bytes, but was {options.MaxRequestBodySize}.");
        }

        if (options.MaxEventsPerStream < 1)
        {
            failures.Add($"{Section}:MaxEventsPerStream must be at least 1, but was {options.MaxEventsPerStream}.");
        }

        if (options.MaxEventStreams < 1)
        {
            failures.Add($"{Section}:MaxEventStreams must be at least 1, but was {options.MaxEventStreams}.");
        }

        AddBlankEntryFailures(failures, options.AllowedHosts, $"{Section}:AllowedHosts");
        AddBlankEntryFailures(failures, options.AllowedOrigins, $"{Section}:AllowedOrigins");
        AddBlankEntryFailures(failures, options.ApiKeys, $"{Section}:ApiKeys");

        for (var i = 0; i < options.ApiKeys.Length; i++)
        {
            // Key values are never echoed: only their position.
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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddBlankEntryFailures(List<string> failures, string[] entries, string key)
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
