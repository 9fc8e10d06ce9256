namespace McpDemo.Client.Authorization;

/// <summary>
/// Sends the current access token with every MCP request, and answers a challenge (a 401, or a 403 for
/// <c>insufficient_scope</c>) by getting a token that meets it and sending the request once more.
/// </summary>
internal sealed class BearerTokenHandler(ClientCredentialsTokenSource tokens, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            // Buffered, so the same body can go out again with the new token.
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }
        var sent = tokens.Current;
        Authorize(request, sent);
        var response = await base.SendAsync(request, cancellationToken);
        if (BearerChallenge.Of(response) is not { } challenge
            || await tokens.AnswerAsync(challenge, request.RequestUri!, sent, cancellationToken) is not { } token)
        {
            return response;
        }
        response.Dispose();
        Authorize(request, token);
        return await base.SendAsync(request, cancellationToken);
    }

    private static void Authorize(HttpRequestMessage request, string? token) =>
        request.Headers.Authorization = token is null ? null : new("Bearer", token);
}
