using McpDemo.Testing;

namespace McpDemo.Identity.Tests;

/// <summary>
/// The built issuer as a real process on a free loopback port, with one machine client and one registered resource,
/// its keys in <see cref="KeyDirectory"/>; ready once <c>/health</c> answers 200.
/// </summary>
public sealed class IssuerProcess : IAsyncDisposable
{
    /// <summary>The configured machine client.</summary>
    public const string ClientId = "benchmark-client";

    /// <summary>The machine client's secret.</summary>
    public const string ClientSecret = "benchmark-secret";

    /// <summary>The one registered resource: the URL an MCP server would publish. Nothing needs to listen there.</summary>
    public const string Resource = "http://127.0.0.1:5999/mcp";

    private IssuerProcess(TestProcess process, Uri baseAddress, string keyDirectory)
    {
        Process = process;
        BaseAddress = baseAddress;
        KeyDirectory = keyDirectory;
    }

    /// <summary>The running process, with its captured output.</summary>
    public TestProcess Process { get; }

    /// <summary>Where the issuer listens, e.g. <c>http://127.0.0.1:5123/</c>; also its issuer URL.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Where its signing and encryption keys live.</summary>
    public string KeyDirectory { get; }

    /// <summary>The token endpoint.</summary>
    public Uri TokenEndpoint => new(BaseAddress, "connect/token");

    /// <summary>Starts the issuer with its keys in <paramref name="keyDirectory"/> and <see cref="Resource"/> registered, plus <paramref name="extraArguments"/>.</summary>
    public static Task<IssuerProcess> StartAsync(string keyDirectory, params string[] extraArguments) =>
        StartAsync(keyDirectory, registerResource: true, extraArguments);

    /// <summary>Starts the issuer with its keys in <paramref name="keyDirectory"/>, with or without <see cref="Resource"/> registered.</summary>
    public static async Task<IssuerProcess> StartAsync(string keyDirectory, bool registerResource, params string[] extraArguments)
    {
        string[] resources = registerResource ? [$"--Identity:Resources:0={Resource}"] : [];
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var process = TestProcess.StartProject(
            "src/McpDemo.Identity",
            [
                "--urls", baseAddress.GetLeftPart(UriPartial.Authority),
                $"--Identity:KeyDirectory={keyDirectory}",
                $"--Identity:Clients:0:ClientId={ClientId}",
                $"--Identity:Clients:0:ClientSecret={ClientSecret}",
                "--Identity:Clients:0:Scopes:0=mcp:tools",
                .. resources,
                .. extraArguments,
            ]);
        try
        {
            await process.WaitForHttpOkAsync(new Uri(baseAddress, "health").ToString());
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
        return new IssuerProcess(process, baseAddress, keyDirectory);
    }

    /// <summary>Asks for a token with client credentials, as the configured client for <see cref="Resource"/> unless told otherwise.</summary>
    public Task<HttpResponseMessage> RequestClientCredentialsTokenAsync(
        HttpClient http,
        string clientId = ClientId,
        string clientSecret = ClientSecret,
        string scope = "mcp:tools",
        string resource = Resource) =>
        PostTokenRequestAsync(http,
            ("grant_type", "client_credentials"),
            ("client_id", clientId),
            ("client_secret", clientSecret),
            ("scope", scope),
            ("resource", resource));

    /// <summary>Posts <paramref name="form"/> to the token endpoint as given, so tests can break it.</summary>
    public async Task<HttpResponseMessage> PostTokenRequestAsync(HttpClient http, params (string Name, string Value)[] form)
    {
        using var content = new FormUrlEncodedContent(form.Select(field => KeyValuePair.Create(field.Name, field.Value)));
        return await http.PostAsync(TokenEndpoint, content);
    }

    /// <summary>Stops the issuer.</summary>
    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
