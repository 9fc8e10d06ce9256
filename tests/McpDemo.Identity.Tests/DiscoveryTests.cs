using System.Net.Http.Json;
using System.Text.Json;

namespace McpDemo.Identity.Tests;

/// <summary>Discovery tells an MCP client everything it needs: endpoints, registration, and S256 as the only PKCE method.</summary>
[Collection(IssuerCollection.Name)]
public sealed class DiscoveryTests(IssuerFixture fixture)
{
    [Theory]
    [InlineData(".well-known/openid-configuration")]
    [InlineData(".well-known/oauth-authorization-server")]
    public async Task Discovery_names_the_issuer_its_endpoints_registration_and_S256_only(string path)
    {
        var issuer = fixture.Issuer.Issuer;
        using var http = new HttpClient();

        var metadata = await http.GetFromJsonAsync<JsonElement>(new Uri(issuer, path));

        Assert.Equal(issuer.AbsoluteUri, metadata.GetProperty("issuer").GetString());
        Assert.Equal(new Uri(issuer, "connect/token").AbsoluteUri, metadata.GetProperty("token_endpoint").GetString());
        Assert.Equal(new Uri(issuer, "connect/authorize").AbsoluteUri, metadata.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(new Uri(issuer, "register").AbsoluteUri, metadata.GetProperty("registration_endpoint").GetString());
        Assert.Equal(["S256"], Strings(metadata, "code_challenge_methods_supported"));
        Assert.Contains("client_credentials", Strings(metadata, "grant_types_supported"));
        Assert.Contains("authorization_code", Strings(metadata, "grant_types_supported"));
        Assert.Contains("mcp:tools", Strings(metadata, "scopes_supported"));
        Assert.Contains("mcp:confirm", Strings(metadata, "scopes_supported"));
    }

    private static string[] Strings(JsonElement metadata, string name) =>
        [.. metadata.GetProperty(name).EnumerateArray().Select(item => item.GetString()!)];
}
