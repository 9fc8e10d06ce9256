using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using McpDemo.Testing;

namespace McpDemo.Identity.Tests;

/// <summary>Dynamic client registration (RFC 7591): public clients with safe redirect URIs; bad metadata gets RFC 7591's 400s.</summary>
[Collection(IssuerCollection.Name)]
public sealed class RegistrationTests(IssuerFixture fixture)
{
    // As the C# SDK asks: for a secret and for every scope discovery lists; it gets a public client and the MCP scopes.
    [Fact]
    public async Task A_public_client_is_registered_for_the_code_flow()
    {
        using var client = new InteractiveClient(fixture.Issuer);

        using var response = await client.PostRegistrationAsync(JsonContent.Create(new
        {
            redirect_uris = new[] { "https://client.example/callback", "http://localhost:5995/cb" },
            client_name = "an MCP client",
            grant_types = new[] { "authorization_code", "refresh_token" },
            token_endpoint_auth_method = "client_secret_post",
            scope = "openid mcp:tools",
        }));
        var registered = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(registered.GetProperty("client_id").GetString()));
        Assert.False(registered.TryGetProperty("client_secret", out _));
        Assert.Equal("none", registered.GetProperty("token_endpoint_auth_method").GetString());
        Assert.Equal("mcp:tools", registered.GetProperty("scope").GetString());
        Assert.Equal(["authorization_code"], registered.GetProperty("grant_types").EnumerateArray().Select(item => item.GetString()));
    }

    [Theory]
    [InlineData("""{"redirect_uris":["http://client.example/callback"]}""", "invalid_redirect_uri")]
    [InlineData("""{"redirect_uris":["https://client.example/callback#fragment"]}""", "invalid_redirect_uri")]
    [InlineData("""{"redirect_uris":["/relative"]}""", "invalid_redirect_uri")]
    [InlineData("""{"redirect_uris":[]}""", "invalid_redirect_uri")]
    [InlineData("""{"client_name":"no redirect"}""", "invalid_redirect_uri")]
    [InlineData("""{"redirect_uris":"https://client.example/callback"}""", "invalid_client_metadata")]
    [InlineData("""{"redirect_uris":["https://client.example/cb"],"grant_types":["client_credentials"]}""", "invalid_client_metadata")]
    [InlineData("""{"redirect_uris":["https://client.example/cb"],"response_types":["token"]}""", "invalid_client_metadata")]
    [InlineData("""not json""", "invalid_client_metadata")]
    [InlineData("""null""", "invalid_client_metadata")]
    public async Task Bad_metadata_gets_400_with_the_RFC_7591_error(string metadata, string error)
    {
        using var client = new InteractiveClient(fixture.Issuer);

        using var response = await client.PostRegistrationAsync(new StringContent(metadata, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(error, await OAuthAnswers.ReadErrorAsync(response));
    }

    [Fact]
    public async Task An_oversized_registration_is_refused_before_it_is_read_whole()
    {
        using var client = new InteractiveClient(fixture.Issuer);
        var padding = new string('a', 64 * 1024);

        using var response = await client.PostRegistrationAsync(
            new StringContent($$"""{"redirect_uris":["https://client.example/cb"],"client_name":"{{padding}}"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("invalid_client_metadata", await OAuthAnswers.ReadErrorAsync(response));
    }
}
