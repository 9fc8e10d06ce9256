using McpDemo.Testing;

namespace McpDemo.Identity.Tests;

/// <summary>What configuration decides at start: unsafe settings stop the issuer with one line, the development user, and the loopback default for resources.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData("--urls", "http://0.0.0.0:{port}", "plain HTTP")]
    [InlineData("--Identity:Clients:0:Scopes:0=admin", null, "scope 'admin'")]
    [InlineData("--Identity:Resources:0=not-a-uri", null, "not an absolute URI")]
    public async Task Unsafe_configuration_stops_the_issuer_with_one_clear_line(string argument, string? value, string expected)
    {
        using var keys = new TemporaryDirectory();
        var port = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[] extra = value is null ? [argument] : [argument, value.Replace("{port}", port, StringComparison.Ordinal)];

        await using var process = TestProcess.StartProject("src/McpDemo.Identity",
        [
            "--urls", $"http://127.0.0.1:{port}",
            $"--Identity:KeyDirectory={keys.Path}",
            "--Identity:Clients:0:ClientId=client",
            "--Identity:Clients:0:ClientSecret=secret",
            .. extra,
        ]);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(process.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_development_user_off_the_authorize_endpoint_answers_login_required()
    {
        using var keys = new TemporaryDirectory();
        await using var issuer = await IssuerProcess.StartAsync(keys.Path, "--Identity:DevelopmentUser:Enabled=false");
        using var http = OAuth.CreateHttpClient();
        var client = new InteractiveClient(http, issuer.BaseAddress);
        var clientId = await client.RegisterAsync();

        using var authorize = await client.AuthorizeAsync(clientId, OAuth.CreatePkce().Challenge);

        Assert.Equal("login_required", InteractiveClient.ReadRedirect(authorize)["error"]);
    }

    [Fact]
    public async Task Started_by_hand_on_loopback_without_resources_the_issuer_issues_for_the_resource_the_client_names()
    {
        using var keys = new TemporaryDirectory();
        await using var issuer = await IssuerProcess.StartAsync(keys.Path, registerResource: false);
        using var http = OAuth.CreateHttpClient();
        const string resource = "http://127.0.0.1:5994/mcp";

        using var response = await issuer.RequestClientCredentialsTokenAsync(http, resource: resource);
        var token = await OAuth.ReadAccessTokenAsync(response);
        var result = await OAuth.ValidateAsync(http, issuer.BaseAddress, token, resource);

        Assert.True(result.IsValid, result.Exception?.ToString());
    }
}
