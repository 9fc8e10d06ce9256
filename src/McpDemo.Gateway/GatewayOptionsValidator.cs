using McpDemo.Gateway.Affinity;
using Microsoft.Extensions.Options;

namespace McpDemo.Gateway;

/// <summary>
/// Checks <see cref="GatewayOptions"/> at start (<c>ValidateOnStart</c>), so a setting that cannot work stops the gateway
/// with a message saying what to fix instead of failing on the first request that needs it.
/// </summary>
internal sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    // The key is a secret: the message never echoes it.
    private const string MalformedKeyMessage =
        $"{GatewayOptions.SectionName}:Affinity:Key must be base64 of 32 random bytes " +
        "(e.g. the output of `openssl rand -base64 32`), the same for every gateway instance.";

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        var limits = options.RateLimits.Tools.Select(tool => ($"Tools:{tool.Key}", tool.Value));
        if (options.RateLimits.Default is { } fallback)
        {
            limits = limits.Append(("Default", fallback));
        }
        foreach (var (limitName, limit) in limits)
        {
            if (limit.PermitLimit < 1 || limit.Window <= TimeSpan.Zero)
            {
                failures.Add($"{GatewayOptions.SectionName}:RateLimits:{limitName} allows {limit.PermitLimit} calls per {limit.Window}; " +
                    "PermitLimit must be at least 1 and Window positive.");
            }
        }
        if (!string.IsNullOrWhiteSpace(options.Affinity.Key) && AffinityKey.Decode(options.Affinity.Key) is null)
        {
            failures.Add(MalformedKeyMessage);
        }
        if (options.Timeouts.Stream is { } stream && stream <= TimeSpan.Zero)
        {
            failures.Add($"{GatewayOptions.SectionName}:Timeouts:Stream is {stream}; leave it out for no timeout, or make it positive.");
        }
        failures.AddRange(options.Auth.Problems($"{GatewayOptions.SectionName}:Auth"));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
