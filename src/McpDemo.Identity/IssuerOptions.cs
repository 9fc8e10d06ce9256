namespace McpDemo.Identity;

/// <summary>The issuer's configuration, bound from the <c>Identity</c> section.</summary>
public sealed class IssuerOptions
{
    /// <summary>The configuration section this binds from.</summary>
    public const string SectionName = "Identity";

    /// <summary>
    /// The issuer URL published in discovery and stamped into tokens as <c>iss</c>. When unset, OpenIddict uses the
    /// URL of each request, which is right when every caller reaches the issuer at one address.
    /// </summary>
    public Uri? Issuer { get; set; }

    /// <summary>Machine clients that get tokens with client credentials, seeded at start.</summary>
    public List<ConfiguredClient> Clients { get; set; } = [];

    /// <summary>
    /// The protected resources (RFC 8707) tokens may be issued for, e.g. the gateway's <c>/mcp</c> URL. A token's
    /// <c>aud</c> is the resource its client asked for; any other resource is refused with <c>invalid_target</c>.
    /// </summary>
    public List<string> Resources { get; set; } = [];

    /// <summary>The user signed in without a prompt when an interactive client asks for a code.</summary>
    public DevelopmentUserOptions DevelopmentUser { get; set; } = new();

    /// <summary>
    /// Where the signing and encryption keys are kept as PEM files; created on first start, readable by the owner only.
    /// Defaults to <c>~/.mcpdemo/identity</c>, so the signing key (and its <c>kid</c>) survives restarts.
    /// </summary>
    public string? KeyDirectory { get; set; }
}

/// <summary>A confidential client that uses the client-credentials grant.</summary>
public sealed class ConfiguredClient
{
    /// <summary>The client id, also the <c>sub</c> of the tokens it gets.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The client secret; stored hashed, never logged.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>The scopes the client may ask for, e.g. <c>mcp:tools</c>.</summary>
    public List<string> Scopes { get; set; } = [];
}

/// <summary>The development user: signs interactive clients in without a login page.</summary>
public sealed class DevelopmentUserOptions
{
    /// <summary>
    /// Whether the authorize endpoint signs the development user in without a prompt. Unset means: on in the
    /// Development environment and whenever the issuer listens on loopback only; off otherwise, where the endpoint
    /// answers <c>login_required</c> because this issuer has no login page.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>The subject (<c>sub</c>) of the development user's tokens.</summary>
    public string Subject { get; set; } = "developer";
}
