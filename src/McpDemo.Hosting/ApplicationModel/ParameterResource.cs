namespace McpDemo.Hosting.ApplicationModel;

/// <summary>
/// A value supplied from outside the model, such as an API key. Nothing runs for it: the orchestrator
/// hands its local value to the resources that consume it, and a publisher asks the deployment tool for it
/// (a <c>parameter.v0</c> input in the Aspire manifest).
/// </summary>
public sealed class ParameterResource : Resource
{
    /// <summary>The configuration section local values come from, as in Aspire: <c>Parameters:&lt;name&gt;</c>.</summary>
    public const string ConfigurationSection = "Parameters";

    private readonly string? _value;

    /// <summary>Creates a parameter whose local value is <paramref name="value"/> (null or empty when not configured).</summary>
    public ParameterResource(string name, string? value, bool secret, bool optional)
        : base(name)
    {
        _value = string.IsNullOrEmpty(value) ? null : value;
        Secret = secret;
        Optional = optional;
    }

    /// <summary>Whether the value is a secret: never printed, and asked for as a secret input when deployed.</summary>
    public bool Secret { get; }

    /// <summary>
    /// Whether the application may run locally without a value. An unset optional parameter leaves the
    /// consumers' variables unset; an unset required one stops the run with a message saying how to set it.
    /// </summary>
    public bool Optional { get; }

    /// <summary>Whether a local value is configured.</summary>
    public bool HasValue => _value is not null;

    /// <summary>The configuration key of the local value, e.g. <c>Parameters:mcp-api-key</c>.</summary>
    public string ConfigurationKey => $"{ConfigurationSection}:{Name}";

    /// <summary>The local value, or null when it is unset and optional.</summary>
    /// <exception cref="DistributedApplicationException">The parameter is required and has no value.</exception>
    public string? GetValue() =>
        _value ?? (Optional
            ? null
            : throw new DistributedApplicationException(
                $"Parameter '{Name}' has no value: set it with --{ConfigurationKey}=<value> on the AppHost command line or the environment variable {ConfigurationSection}__{Name}."));
}
