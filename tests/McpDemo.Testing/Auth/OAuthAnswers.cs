using System.Text.Json;
using Xunit;

namespace McpDemo.Testing;

/// <summary>What the issuer's endpoints answer, read as an OAuth client reads it.</summary>
public static class OAuthAnswers
{
    /// <summary>The JSON body of a successful answer, failing with the status and the body otherwise.</summary>
    public static async Task<JsonElement> ReadSuccessAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }

    /// <summary>The <c>access_token</c> of a successful token answer.</summary>
    public static async Task<string> ReadAccessTokenAsync(HttpResponseMessage response) =>
        (await ReadSuccessAsync(response)).GetProperty("access_token").GetString()!;

    /// <summary>The <c>error</c> of an OAuth error answer (RFC 6749, section 5.2), checking it is JSON.</summary>
    public static async Task<string> ReadErrorAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("error").GetString()!;
    }
}
