using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace McpDemo.Testing;

/// <summary>What every refused credential must get, checked the same way at the server and at the gateway.</summary>
public static class Refusals
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A 2026-07-28 <c>tools/call</c> of <paramref name="tool"/> to <paramref name="endpoint"/> with each of <paramref name="authorizations"/> as an Authorization header.</summary>
    public static Task<HttpResponseMessage> CallAsync(Uri endpoint, string tool, params string[] authorizations)
    {
        JsonObject arguments = tool switch
        {
            "confirm_action" => new() { ["action"] = "step up" },
            "countdown" => new() { ["steps"] = 3, ["intervalMs"] = 0 },
            _ => [],
        };
        var request = RawMcp.CallTool(endpoint, tool, arguments);
        foreach (var authorization in authorizations)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        return Http.SendAsync(request);
    }

    /// <summary>The single WWW-Authenticate value of <paramref name="response"/>.</summary>
    public static string Challenge(HttpResponseMessage response) =>
        Assert.Single(response.Headers.WwwAuthenticate).ToString();

    /// <summary>
    /// Asserts that <paramref name="process"/> logged exactly one warning since <paramref name="mark"/>, saying
    /// <paramref name="reason"/>, and never printed <paramref name="secret"/>. A refusal without a token sent to
    /// <paramref name="endpoint"/> afterwards flushes the log (a console logger writes in order), so a second line
    /// for the first request could not still be on its way.
    /// </summary>
    public static async Task AssertLoggedOnceAsync(TestProcess process, int mark, Uri endpoint, string reason, string? secret)
    {
        using (var sentinel = await CallAsync(endpoint, "ping"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, sentinel.StatusCode);
        }
        await WaitForWarningsAsync(process, mark, 2);
        var warnings = Warnings(process, mark);
        Assert.True(warnings.Count == 2, $"Expected the refusal and the sentinel's, got:\n{string.Join('\n', warnings)}");
        Assert.Contains(reason, warnings[0], StringComparison.Ordinal);
        if (secret is not null)
        {
            Assert.DoesNotContain(secret, process.Output, StringComparison.Ordinal);
        }
    }

    /// <summary>The warnings <paramref name="process"/> logged since <paramref name="mark"/>, each with its message line.</summary>
    public static List<string> Warnings(TestProcess process, int mark)
    {
        var lines = process.Output[mark..].Split('\n');
        return [.. lines.Select((line, i) => (line, i)).Where(item => item.line.StartsWith("warn:", StringComparison.Ordinal))
            .Select(item => item.line + (item.i + 1 < lines.Length ? lines[item.i + 1] : ""))];
    }

    private static async Task WaitForWarningsAsync(TestProcess process, int mark, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (Warnings(process, mark).Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }
}
