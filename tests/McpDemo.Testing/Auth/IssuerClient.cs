namespace McpDemo.Testing;

/// <summary>A machine client the issuer is configured with (<c>Identity:Clients</c>): it gets tokens with client credentials.</summary>
/// <param name="ClientId">Its id.</param>
/// <param name="Secret">Its secret.</param>
/// <param name="Scopes">The scopes it may ask for; the issuer refuses it any other.</param>
public sealed record IssuerClient(string ClientId, string Secret, params string[] Scopes);
