using McpDemo.Testing;
using Xunit;

namespace McpDemo.Server.Tests.ServiceDefaults;

/// <summary>
/// Secure by default: the server told nowhere to listen listens on loopback only (Kestrel's own default,
/// <c>http://localhost:5000</c>); a place the user names, by <c>ASPNETCORE_URLS</c> or <c>--urls</c>, wins.
/// </summary>
public sealed class ListenAddressTests
{
    // Whatever the test runner's environment says about addresses must not reach the server.
    private static readonly Dictionary<string, string?> NoAddressSettings = new()
    {
        ["ASPNETCORE_URLS"] = null,
        ["DOTNET_URLS"] = null,
        ["ASPNETCORE_HTTP_PORTS"] = null,
        ["ASPNETCORE_HTTPS_PORTS"] = null,
    };

    [Fact]
    public async Task Server_ToldNothing_ListensOnLoopbackOnly()
    {
        // Kestrel's default port is fixed: this is the one test that takes it.
        await using var server = TestProcess.StartProject("src/McpDemo.Server", [], NoAddressSettings);

        await server.WaitForHttpOkAsync("http://127.0.0.1:5000/alive");

        var addresses = ListeningAddresses(server);
        Assert.NotEmpty(addresses);
        Assert.All(addresses, address => Assert.True(
            address.IsLoopback || address.Host == "localhost", $"listens on {address}:\n{server.Output}"));
    }

    [Fact]
    public async Task Server_ToldByAspNetCoreUrls_ListensThere()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        await using var server = TestProcess.StartProject("src/McpDemo.Server", [],
            new Dictionary<string, string?>(NoAddressSettings) { ["ASPNETCORE_URLS"] = url });

        await server.WaitForHttpOkAsync($"{url}/alive");

        Assert.Equal([new Uri(url)], ListeningAddresses(server));
    }

    // Kestrel logs "Now listening on: <url>" for each address it binds, once started.
    private static List<Uri> ListeningAddresses(TestProcess server) =>
        [.. server.Output.Split('\n')
            .Where(line => line.Contains("Now listening on: ", StringComparison.Ordinal))
            .Select(line => new Uri(line[(line.IndexOf("Now listening on: ", StringComparison.Ordinal) + "Now listening on: ".Length)..].Trim()))];
}
