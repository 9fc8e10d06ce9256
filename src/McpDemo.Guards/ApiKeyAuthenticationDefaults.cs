namespace McpDemo.Guards;

/// <summary>Names of the API-key authentication scheme and the policy that requires it.</summary>
public static class ApiKeyAuthenticationDefaults
{
    /// <summary>The authentication scheme name.</summary>
    public const string AuthenticationScheme = "McpApiKey";

    /// <summary>The authorization policy the MCP endpoint requires when keys are configured.</summary>
    public const string PolicyName = "McpApiKey";

    /// <summary>The prefix of the NameIdentifier claim of a key's identity: a fingerprint of the key follows.</summary>
    public const string IdentityPrefix = "apikey-";
}
