using System.Collections.Concurrent;
using System.ComponentModel;
using System.Text.Json.Nodes;
using McpDemo.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ModelContextProtocol.Server;
using Xunit;

namespace McpDemo.Client.Tests;

/// <summary>
/// An OAuth-protected MCP endpoint in front of the real issuer (McpDemo.Identity as a process, one machine client): a
/// stateless <c>MapMcp</c> server with <c>ping</c> and <c>confirm_action</c>, guarded the way the MCP authorization spec
/// has a resource server answer (RFC 9728 metadata, a Bearer challenge naming it, 403 <c>insufficient_scope</c> for a
/// tool whose scope the token lacks). It checks each token against the issuer's keys, issuer and audience, and records
/// what it saw, so tests pin what the client sends, independent of how McpDemo.Server validates.
/// </summary>
public sealed class ProtectedMcpServer : IAsyncLifetime
{
    /// <summary>The machine client the issuer knows.</summary>
    public const string ClientId = "client-tests";

    /// <summary>Its secret.</summary>
    public const string ClientSecret = "client-tests-secret-5b8e1f";

    private IdentityProcess? _issuer;
    private WebApplication? _app;
    private TokenValidationParameters? _validation;

    /// <summary>The MCP endpoint, which is also the resource tokens must be issued for.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The issuer's URL.</summary>
    public Uri Issuer { get; private set; } = null!;

    /// <summary>The environment that gives the client the machine client's credentials.</summary>
    public IReadOnlyDictionary<string, string?> Credentials => new Dictionary<string, string?>
    {
        ["MCP_CLIENT_ID"] = ClientId,
        ["MCP_CLIENT_SECRET"] = ClientSecret,
    };

    /// <summary>The status of every MCP request, with the scopes of its token (empty without one), in order.</summary>
    public ConcurrentQueue<(int Status, string Scopes)> Requests { get; } = new();

    public async Task InitializeAsync()
    {
        var baseAddress = $"http://127.0.0.1:{FreePort.Next()}";
        Endpoint = new Uri(baseAddress + "/mcp");
        _issuer = await IdentityProcess.StartAsync(new IssuerSettings
        {
            Clients = [new(ClientId, ClientSecret, "mcp:tools", "mcp:confirm")],
            Resources = [Endpoint.AbsoluteUri],
        });
        Issuer = _issuer.Issuer;
        // The issuer's signing keys and identity, read once: what a resource server caches.
        _validation = new TokenValidationParameters
        {
            ValidIssuer = Issuer.AbsoluteUri,
            ValidAudience = Endpoint.AbsoluteUri,
            IssuerSigningKeys = await _issuer.GetPublishedKeysAsync(),
        };

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(baseAddress);
        builder.Logging.ClearProviders();
        builder.Services.AddMcpServer().WithHttpTransport().WithTools<ProtectedTools>();
        _app = builder.Build();
        _app.MapGet("/.well-known/oauth-protected-resource/mcp", () => Results.Json(new JsonObject
        {
            ["resource"] = Endpoint.AbsoluteUri,
            ["authorization_servers"] = new JsonArray(Issuer.AbsoluteUri),
            ["scopes_supported"] = new JsonArray("mcp:tools", "mcp:confirm"),
        }));
        _app.UseWhen(context => context.Request.Path.StartsWithSegments("/mcp"), mcp => mcp.Use(GuardAsync));
        _app.MapMcp("/mcp");
        await _app.StartAsync();
    }

    private async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        var metadata = $"{Endpoint.GetLeftPart(UriPartial.Authority)}/.well-known/oauth-protected-resource/mcp";
        var header = context.Request.Headers.Authorization.ToString();
        var result = header.StartsWith("Bearer ", StringComparison.Ordinal)
            ? await new JsonWebTokenHandler().ValidateTokenAsync(header["Bearer ".Length..], _validation)
            : null;
        if (result is not { IsValid: true })
        {
            Requests.Enqueue((StatusCodes.Status401Unauthorized, ""));
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = $"Bearer resource_metadata=\"{metadata}\", scope=\"mcp:tools\"";
            return;
        }
        var scopes = result.Claims.TryGetValue("scope", out var scope) ? scope.ToString() ?? "" : "";
        var granted = scopes.Split(' ');
        if (context.Request.Headers["Mcp-Name"] == "confirm_action" && !granted.Contains("mcp:confirm"))
        {
            Requests.Enqueue((StatusCodes.Status403Forbidden, scopes));
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.Headers.WWWAuthenticate =
                $"Bearer error=\"insufficient_scope\", scope=\"mcp:tools mcp:confirm\", resource_metadata=\"{metadata}\"";
            return;
        }
        Requests.Enqueue((StatusCodes.Status200OK, scopes));
        await next(context);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        if (_issuer is not null)
        {
            await _issuer.DisposeAsync();
        }
    }

    /// <summary>The endpoint's tools: answers shaped like McpDemo.Server's, which the client reads.</summary>
    [McpServerToolType]
    public sealed class ProtectedTools
    {
        [McpServerTool(Name = "ping"), Description("Answers pong.")]
        public static string Ping() => "pong! instance=protected v=1.0.0 d=0";

        [McpServerTool(Name = "confirm_action"), Description("Needs mcp:confirm.")]
        public static string ConfirmAction() => "confirmed";
    }
}
