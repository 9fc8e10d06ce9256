namespace McpDemo.Testing;

/// <summary>What <see cref="IdentityProcess"/> starts the issuer with.</summary>
public sealed record IssuerSettings
{
    /// <summary>
    /// Where the issuer keeps its signing and encryption keys. Name one to keep the keys (and so the <c>kid</c>) across
    /// restarts; by default the issuer gets a directory of its own, deleted when it stops.
    /// </summary>
    public string? KeyDirectory { get; init; }

    /// <summary>
    /// Its machine clients: by default <see cref="IdentityProcess.FullClient"/>, <see cref="IdentityProcess.ToolsClient"/>
    /// and <see cref="IdentityProcess.OtherClient"/>, each with the secret <see cref="IdentityProcess.Secret"/>.
    /// </summary>
    public IReadOnlyList<IssuerClient> Clients { get; init; } =
    [
        new(IdentityProcess.FullClient, IdentityProcess.Secret, "mcp:tools", "mcp:confirm"),
        new(IdentityProcess.ToolsClient, IdentityProcess.Secret, "mcp:tools"),
        new(IdentityProcess.OtherClient, IdentityProcess.Secret, "mcp:tools", "mcp:confirm"),
    ];

    /// <summary>
    /// The resources tokens may be issued for (<c>Identity:Resources</c>). With none, an issuer on loopback issues for
    /// any resource the client names.
    /// </summary>
    public IReadOnlyList<string> Resources { get; init; } = [];

    /// <summary>Further command-line arguments. They come last, so a setting given here overrides the one above.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];
}
