using System.Net.Http.Headers;

namespace McpDemo.Client.Authorization;

/// <summary>How a connection proves who the caller is: not at all, with an API key, or with OAuth tokens.</summary>
internal abstract class CallerCredentials
{
    /// <summary>Sends no credentials.</summary>
    public static CallerCredentials None { get; } = new Anonymous();

    /// <summary>Sends <paramref name="key"/> as a bearer token on every request.</summary>
    public static CallerCredentials ApiKey(string key) => new StaticKey(key);

    /// <summary>Sends tokens from <paramref name="tokens"/>, got with client credentials when the server asks.</summary>
    public static CallerCredentials OAuth(ClientCredentialsTokenSource tokens) => new Tokens(tokens);

    /// <summary>An <see cref="HttpClient"/> over <paramref name="transport"/> that sends these credentials.</summary>
    public abstract HttpClient CreateHttpClient(HttpMessageHandler transport);

    private sealed class Anonymous : CallerCredentials
    {
        public override HttpClient CreateHttpClient(HttpMessageHandler transport) => new(transport);
    }

    private sealed class StaticKey(string key) : CallerCredentials
    {
        public override HttpClient CreateHttpClient(HttpMessageHandler transport) =>
            new(transport) { DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", key) } };
    }

    private sealed class Tokens(ClientCredentialsTokenSource tokens) : CallerCredentials
    {
        public override HttpClient CreateHttpClient(HttpMessageHandler transport) => new(new BearerTokenHandler(tokens, transport));
    }
}
