using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace McpDemo.Testing;

/// <summary>
/// The local issuer (src/McpDemo.Identity) as a real process on a free loopback port, started with
/// <see cref="IssuerSettings"/>, ready once <c>/health</c> answers 200. By default its keys live in a directory of its own
/// and it knows three machine clients: <see cref="FullClient"/> (<c>mcp:tools mcp:confirm</c>), <see cref="ToolsClient"/>
/// (<c>mcp:tools</c> only) and <see cref="OtherClient"/> (both scopes; another subject), every one with the secret
/// <see cref="Secret"/>.
/// </summary>
public sealed class IdentityProcess : IAsyncDisposable
{
    /// <summary>A client allowed every scope.</summary>
    public const string FullClient = "full-client";

    /// <summary>A client allowed <c>mcp:tools</c> only.</summary>
    public const string ToolsClient = "tools-client";

    /// <summary>Another client allowed every scope: a second subject.</summary>
    public const string OtherClient = "other-client";

    /// <summary>The secret of every default client.</summary>
    public const string Secret = "test-client-secret";

    /// <summary>Both MCP scopes.</summary>
    public const string AllScopes = "mcp:tools mcp:confirm";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private readonly string _keyDirectory;
    private readonly TemporaryDirectory? _ownKeys;

    private IdentityProcess(TestProcess process, Uri issuer, string keyDirectory, TemporaryDirectory? ownKeys)
    {
        Process = process;
        Issuer = issuer;
        _keyDirectory = keyDirectory;
        _ownKeys = ownKeys;
    }

    /// <summary>The running process, with its captured output.</summary>
    public TestProcess Process { get; }

    /// <summary>The issuer URL, e.g. <c>http://127.0.0.1:5123/</c>: where it listens, the <c>iss</c> of its tokens and the resource servers' authority.</summary>
    public Uri Issuer { get; }

    /// <summary>The token endpoint.</summary>
    public Uri TokenEndpoint => new(Issuer, "connect/token");

    /// <summary>
    /// Starts the issuer with the default clients and keys of its own, issuing tokens for <paramref name="resources"/>
    /// alone (with none, for any resource a client names, as an issuer on loopback does).
    /// </summary>
    public static Task<IdentityProcess> StartAsync(params string[] resources) => StartAsync(new IssuerSettings { Resources = resources });

    /// <summary>Starts the issuer with <paramref name="settings"/> and waits until it is healthy.</summary>
    public static async Task<IdentityProcess> StartAsync(IssuerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var ownKeys = settings.KeyDirectory is null ? new TemporaryDirectory() : null;
        var keyDirectory = settings.KeyDirectory ?? ownKeys!.Path;
        var issuer = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var process = Launch(settings with { KeyDirectory = keyDirectory }, issuer);
        try
        {
            await process.WaitForHttpOkAsync(new Uri(issuer, "health").ToString());
        }
        catch
        {
            await process.DisposeAsync();
            ownKeys?.Dispose();
            throw;
        }
        return new IdentityProcess(process, issuer, keyDirectory, ownKeys);
    }

    /// <summary>
    /// Starts the issuer on <paramref name="address"/> without waiting for it, for a test that expects it to stop at
    /// start. <paramref name="settings"/> must name a key directory.
    /// </summary>
    public static TestProcess Launch(IssuerSettings settings, Uri address)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(address);
        // Without one the issuer would keep its keys in the user's own ~/.mcpdemo/identity.
        var keyDirectory = settings.KeyDirectory ?? throw new ArgumentException("The settings name no key directory.", nameof(settings));
        return TestProcess.StartProject("src/McpDemo.Identity",
        [
            "--urls", address.GetLeftPart(UriPartial.Authority),
            $"--Identity:KeyDirectory={keyDirectory}",
            .. settings.Clients.SelectMany(ClientArguments),
            .. settings.Resources.Select((resource, i) => $"--Identity:Resources:{i}={resource}"),
            .. settings.Arguments,
        ]);
    }

    /// <summary>Posts <paramref name="form"/> to the token endpoint as given, so a test can also send one that is wrong.</summary>
    public async Task<HttpResponseMessage> PostTokenRequestAsync(params (string Name, string Value)[] form)
    {
        using var content = new FormUrlEncodedContent(form.Select(field => KeyValuePair.Create(field.Name, field.Value)));
        return await Http.PostAsync(TokenEndpoint, content);
    }

    /// <summary>Asks for a client-credentials token of <paramref name="clientId"/> and returns the answer as it is.</summary>
    public Task<HttpResponseMessage> RequestTokenAsync(string clientId, string scope, string resource, string secret = Secret) =>
        PostTokenRequestAsync(
            ("grant_type", "client_credentials"),
            ("client_id", clientId),
            ("client_secret", secret),
            ("scope", scope),
            ("resource", resource));

    /// <summary>A client-credentials access token of <paramref name="clientId"/> for <paramref name="resource"/> with <paramref name="scope"/>.</summary>
    public async Task<string> GetTokenAsync(string clientId, string scope, string resource)
    {
        using var response = await RequestTokenAsync(clientId, scope, resource);
        return await OAuthAnswers.ReadAccessTokenAsync(response);
    }

    /// <summary>The signing keys the issuer publishes, found the way a resource server finds them: discovery, then <c>jwks_uri</c>.</summary>
    public async Task<IList<SecurityKey>> GetPublishedKeysAsync()
    {
        var discovery = await Http.GetFromJsonAsync<JsonElement>(new Uri(Issuer, ".well-known/openid-configuration"));
        return new JsonWebKeySet(await Http.GetStringAsync(discovery.GetProperty("jwks_uri").GetString())).GetSigningKeys();
    }

    /// <summary>Validates <paramref name="token"/> as a resource server for <paramref name="audience"/> does: published keys, signature, issuer, lifetime and audience.</summary>
    public async Task<TokenValidationResult> ValidateAsync(string token, string audience) =>
        await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer.AbsoluteUri,
            ValidAudience = audience,
            IssuerSigningKeys = await GetPublishedKeysAsync(),
        });

    /// <summary>
    /// The issuer's own signing key, read from its key directory, with the <c>kid</c> it publishes: tokens signed with
    /// it are the issuer's, so a test can give one a claim the issuer would not (a past expiry, another <c>iss</c>).
    /// </summary>
    public async Task<RsaSecurityKey> ReadSigningKeyAsync()
    {
        var keyId = (await GetPublishedKeysAsync()).Single().KeyId;
        var rsa = RSA.Create();
        rsa.ImportFromPem(await File.ReadAllTextAsync(Path.Combine(_keyDirectory, "signing-key.pem")));
        return new RsaSecurityKey(rsa) { KeyId = keyId };
    }

    /// <summary>Stops the issuer, and deletes its keys when the directory was its own.</summary>
    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        _ownKeys?.Dispose();
    }

    private static string[] ClientArguments(IssuerClient client, int index) =>
    [
        $"--Identity:Clients:{index}:ClientId={client.ClientId}",
        $"--Identity:Clients:{index}:ClientSecret={client.Secret}",
        .. client.Scopes.Select((scope, i) => $"--Identity:Clients:{index}:Scopes:{i}={scope}"),
    ];
}
