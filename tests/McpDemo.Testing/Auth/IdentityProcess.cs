using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace McpDemo.Testing;

/// <summary>
/// The local issuer (src/McpDemo.Identity) as a real process on a free loopback port, with its keys in a directory of
/// its own and three machine clients: <see cref="FullClient"/> (<c>mcp:tools mcp:confirm</c>), <see cref="ToolsClient"/>
/// (<c>mcp:tools</c> only) and <see cref="OtherClient"/> (both scopes; another subject). Every client secret is
/// <see cref="Secret"/>. Ready once <c>/health</c> answers 200.
/// </summary>
public sealed class IdentityProcess : IAsyncDisposable
{
    /// <summary>A client allowed every scope.</summary>
    public const string FullClient = "full-client";

    /// <summary>A client allowed <c>mcp:tools</c> only.</summary>
    public const string ToolsClient = "tools-client";

    /// <summary>Another client allowed every scope: a second subject.</summary>
    public const string OtherClient = "other-client";

    /// <summary>The secret of every configured client.</summary>
    public const string Secret = "test-client-secret";

    /// <summary>Both MCP scopes.</summary>
    public const string AllScopes = "mcp:tools mcp:confirm";

    private readonly string _keyDirectory;

    private IdentityProcess(TestProcess process, Uri issuer, string keyDirectory)
    {
        Process = process;
        Issuer = issuer;
        _keyDirectory = keyDirectory;
    }

    /// <summary>The running process.</summary>
    public TestProcess Process { get; }

    /// <summary>The issuer URL, e.g. <c>http://127.0.0.1:5123/</c>: the <c>iss</c> of its tokens and the resource servers' authority.</summary>
    public Uri Issuer { get; }

    /// <summary>Starts the issuer with <paramref name="resources"/> registered (tokens may be issued for those alone).</summary>
    public static async Task<IdentityProcess> StartAsync(params string[] resources)
    {
        var issuer = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var keyDirectory = Directory.CreateTempSubdirectory("mcpdemo-issuer-").FullName;
        string[] clients =
        [
            .. Client(0, FullClient, "mcp:tools", "mcp:confirm"),
            .. Client(1, ToolsClient, "mcp:tools"),
            .. Client(2, OtherClient, "mcp:tools", "mcp:confirm"),
        ];
        var process = TestProcess.StartProject("src/McpDemo.Identity",
        [
            "--urls", issuer.GetLeftPart(UriPartial.Authority),
            $"--Identity:KeyDirectory={keyDirectory}",
            .. clients,
            .. resources.Select((resource, i) => $"--Identity:Resources:{i}={resource}"),
        ]);
        try
        {
            await process.WaitForHttpOkAsync(new Uri(issuer, "health").ToString());
        }
        catch
        {
            await process.DisposeAsync();
            Directory.Delete(keyDirectory, recursive: true);
            throw;
        }
        return new IdentityProcess(process, issuer, keyDirectory);
    }

    /// <summary>A client-credentials access token of <paramref name="clientId"/> for <paramref name="resource"/> with <paramref name="scope"/>.</summary>
    public async Task<string> GetTokenAsync(string clientId, string scope, string resource)
    {
        using var http = new HttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = Secret,
            ["scope"] = scope,
            ["resource"] = resource,
        });
        using var response = await http.PostAsync(new Uri(Issuer, "connect/token"), form);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The issuer refused a token to {clientId}: {(int)response.StatusCode} {body}");
        }
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>
    /// The issuer's own signing key, read from its key directory, with the <c>kid</c> it publishes: tokens signed with
    /// it are the issuer's, so a test can give one a claim the issuer would not (a past expiry, another <c>iss</c>).
    /// </summary>
    public async Task<RsaSecurityKey> ReadSigningKeyAsync()
    {
        using var http = new HttpClient();
        var discovery = await http.GetFromJsonAsync<JsonElement>(new Uri(Issuer, ".well-known/openid-configuration"));
        var keys = new JsonWebKeySet(await http.GetStringAsync(discovery.GetProperty("jwks_uri").GetString()));
        var rsa = RSA.Create();
        rsa.ImportFromPem(await File.ReadAllTextAsync(Path.Combine(_keyDirectory, "signing-key.pem")));
        return new RsaSecurityKey(rsa) { KeyId = keys.Keys.Single().Kid };
    }

    /// <summary>Stops the issuer and deletes its keys.</summary>
    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        Directory.Delete(_keyDirectory, recursive: true);
    }

    private static string[] Client(int index, string id, params string[] scopes) =>
    [
        $"--Identity:Clients:{index}:ClientId={id}",
        $"--Identity:Clients:{index}:ClientSecret={Secret}",
        .. scopes.Select((scope, i) => $"--Identity:Clients:{index}:Scopes:{i}={scope}"),
    ];
}
