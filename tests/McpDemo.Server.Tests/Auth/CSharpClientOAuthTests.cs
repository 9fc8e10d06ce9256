using System.Text.Json;
using System.Web;
using McpDemo.Testing;
using ModelContextProtocol.Authentication;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Xunit;

namespace McpDemo.Server.Tests.Auth;

/// <summary>
/// The C# SDK client's own OAuth support against the local issuer, through the gateway: it reads the challenge and
/// the metadata, registers itself (RFC 7591), gets a code with PKCE (S256) for the gateway's resource (the issuer
/// signs its development user in without a prompt; the "browser" here is an HttpClient that reads the redirect),
/// exchanges it, and calls; a tool that needs more scope makes it step up.
/// </summary>
public sealed class CSharpClientOAuthTests
{
    [Theory]
    [InlineData("2026-07-28")]
    [InlineData("2025-11-25")]
    public async Task TheSdkClient_RegistersAndSignsInWithPkce_ThenCallsThroughTheGateway(string protocol)
    {
        await using var topology = await OAuthTopology.StartAsync(withGateway: true);
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        List<Uri> authorizations = [];
        string? registeredClient = null;
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = topology.Resource,
            TransportMode = HttpTransportMode.StreamableHttp,
            OAuth = new ClientOAuthOptions
            {
                // Nothing listens there: the handler below reads the code from the issuer's redirect.
                RedirectUri = new Uri($"http://127.0.0.1:{FreePort.Next()}/callback"),
                DynamicClientRegistration = new DynamicClientRegistrationOptions
                {
                    ClientName = "mcpdemo-csharp-oauth-test",
                    ResponseDelegate = (response, _) =>
                    {
                        registeredClient = response.ClientId;
                        return Task.CompletedTask;
                    },
                },
                AuthorizationCallbackHandler = async (context, cancellationToken) =>
                {
                    authorizations.Add(context.AuthorizationUri);
                    using var answer = await browser.GetAsync(context.AuthorizationUri, cancellationToken);
                    var location = answer.Headers.Location ?? throw new InvalidOperationException($"The issuer answered {(int)answer.StatusCode}, not a redirect.");
                    Assert.StartsWith(context.RedirectUri.AbsoluteUri, location.AbsoluteUri, StringComparison.Ordinal);
                    var query = HttpUtility.ParseQueryString(location.Query);
                    return new AuthorizationResult { Code = query["code"], State = query["state"], Iss = query["iss"] };
                },
            },
        });
        await using var client = await McpClient.CreateAsync(transport, new McpClientOptions
        {
            ProtocolVersion = protocol,
            Handlers = new McpClientHandlers
            {
                ElicitationHandler = (_, _) => ValueTask.FromResult(new ElicitResult
                {
                    Action = "accept",
                    Content = new Dictionary<string, JsonElement> { ["confirm"] = JsonSerializer.SerializeToElement(true) },
                }),
            },
        });

        var tools = await client.ListToolsAsync();
        var pong = await client.CallToolAsync("ping");

        Assert.Equal(protocol, client.NegotiatedProtocolVersion);
        Assert.NotNull(registeredClient);
        var first = HttpUtility.ParseQueryString(Assert.Single(authorizations).Query);
        Assert.Equal("S256", first["code_challenge_method"]);
        Assert.Equal(topology.Resource.AbsoluteUri, first["resource"]);
        Assert.Equal(registeredClient, first["client_id"]);
        // Asked for the scope the challenge named, so the list is what mcp:tools allows.
        Assert.Equal("mcp:tools", first["scope"]);
        Assert.DoesNotContain("confirm_action", tools.Select(tool => tool.Name));
        Assert.StartsWith("pong!", Assert.IsType<TextContentBlock>(Assert.Single(pong.Content)).Text, StringComparison.Ordinal);
    }
}
