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
        var settings = new IssuerSettings { KeyDirectory = keys.Path, Clients = [new("client", "secret")], Arguments = extra };

        await using var process = IdentityProcess.Launch(settings, new Uri($"http://127.0.0.1:{port}/"));
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(process.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_development_user_off_the_authorize_endpoint_answers_login_required()
    {
        await using var issuer = await IdentityProcess.StartAsync(new IssuerSettings
        {
            Resources = [IssuerFixture.Resource],
            Arguments = ["--Identity:DevelopmentUser:Enabled=false"],
        });
        using var client = new InteractiveClient(issuer);
        var clientId = await client.RegisterAsync();

        using var authorize = await client.AuthorizeAsync(clientId, InteractiveClient.CreatePkce().Challenge);

        Assert.Equal("login_required", InteractiveClient.ReadRedirect(authorize)["error"]);
    }

    [Fact]
    public async Task Started_by_hand_on_loopback_without_resources_the_issuer_issues_for_the_resource_the_client_names()
    {
        await using var issuer = await IdentityProcess.StartAsync();
        const string resource = "http://127.0.0.1:5994/mcp";

        using var response = await issuer.RequestTokenAsync(IdentityProcess.ToolsClient, "mcp:tools", resource);
        var token = await OAuthAnswers.ReadAccessTokenAsync(response);
        var result = await issuer.ValidateAsync(token, resource);

        Assert.True(result.IsValid, result.Exception?.ToString());
    }
}
