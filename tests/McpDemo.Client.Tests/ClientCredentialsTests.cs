using McpDemo.Client.Failures;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace McpDemo.Client.Tests;

/// <summary>
/// The client as an OAuth machine client (<c>MCP_CLIENT_ID</c>, <c>MCP_CLIENT_SECRET</c>) against a protected endpoint and
/// the real issuer: it finds the issuer from the first 401, gets one token for the endpoint, steps up when a tool needs
/// more scope, and never prints a secret or a token.
/// </summary>
public sealed class ClientCredentialsTests(ProtectedMcpServer server) : IClassFixture<ProtectedMcpServer>
{
    [Fact]
    public async Task Demo_FindsTheIssuerFromTheChallenge_GetsOneToken_AndPrintsEachStep()
    {
        server.Requests.Clear();

        var run = (await ClientRun.RunAsync(["--endpoint", server.Endpoint.AbsoluteUri, "--count", "3"], server.Credentials))
            .AssertExitCode(ExitCodes.Success);

        Assert.Contains($"Authorization: {server.Endpoint} answered 401; its protected-resource metadata is at {server.Endpoint.GetLeftPart(UriPartial.Authority)}/.well-known/oauth-protected-resource/mcp", run.Lines);
        Assert.Contains($"  resource {server.Endpoint}, scopes offered mcp:tools mcp:confirm", run.Lines);
        Assert.Contains($"  issuer {server.Issuer}, token endpoint {server.Issuer}connect/token", run.Lines);
        Assert.Contains(run.Lines, line => line.StartsWith($"  token for client {ProtectedMcpServer.ClientId}: scopes mcp:tools, expires in ", StringComparison.Ordinal));
        Assert.Contains("spread: protected=3", run.Lines);
        // One challenge, then every request carried the token.
        Assert.Single(server.Requests, request => request.Status == StatusCodes.Status401Unauthorized);
        Assert.Equal(StatusCodes.Status401Unauthorized, server.Requests.First().Status);
        AssertNoSecrets(run);
    }

    [Fact]
    public async Task ToolThatNeedsMoreScope_IsCalledAgain_WithAStepUpToken()
    {
        server.Requests.Clear();

        var run = await ClientRun.RunAsync(["call", "confirm_action", "--endpoint", server.Endpoint.AbsoluteUri], server.Credentials);

        run.AssertExitCode(ExitCodes.Success);
        Assert.Contains("confirmed", run.Output, StringComparison.Ordinal);
        Assert.Contains(server.Requests, request => request.Status == StatusCodes.Status403Forbidden && request.Scopes == "mcp:tools");
        Assert.Contains(server.Requests, request => request.Status == StatusCodes.Status200OK && request.Scopes.Split(' ').Contains("mcp:confirm"));
        AssertNoSecrets(run);
    }

    [Fact]
    public async Task WrongSecret_IsOneLine_NamingTheIssuerAndTheVariables_WithoutEchoingIt()
    {
        const string WrongSecret = "not-the-client-secret-31d7";

        var run = (await ClientRun.RunAsync(
                ["tools", "--endpoint", server.Endpoint.AbsoluteUri],
                new Dictionary<string, string?> { ["MCP_CLIENT_ID"] = ProtectedMcpServer.ClientId, ["MCP_CLIENT_SECRET"] = WrongSecret }))
            .AssertExitCode(ExitCodes.HttpError)
            .AssertNoStackTrace();

        Assert.Contains($"The issuer {server.Issuer} refused client '{ProtectedMcpServer.ClientId}': invalid_client", run.Output, StringComparison.Ordinal);
        Assert.Contains("MCP_CLIENT_SECRET", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongSecret, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientIdWithoutASecret_IsAUsageError_SayingWhatToSet()
    {
        var run = (await ClientRun.RunAsync(["tools", "--endpoint", server.Endpoint.AbsoluteUri, "--client-id", ProtectedMcpServer.ClientId]))
            .AssertExitCode(ExitCodes.Usage)
            .AssertNoStackTrace();

        Assert.Contains("needs its secret: set MCP_CLIENT_SECRET", run.Output, StringComparison.Ordinal);
    }

    private static void AssertNoSecrets(ClientRun run)
    {
        Assert.DoesNotContain(ProtectedMcpServer.ClientSecret, run.Output, StringComparison.Ordinal);
        // Access tokens are JWTs, "eyJ..." in base64url.
        Assert.DoesNotContain("eyJ", run.Output, StringComparison.Ordinal);
    }
}
