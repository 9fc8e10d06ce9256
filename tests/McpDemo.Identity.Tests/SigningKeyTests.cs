using System.Net.Http.Json;
using System.Runtime.Versioning;
using System.Text.Json;
using McpDemo.Testing;

namespace McpDemo.Identity.Tests;

/// <summary>The signing key lives in a file only its owner can read, so its <c>kid</c> (and resource servers' caches) survive restarts.</summary>
public sealed class SigningKeyTests
{
    [Fact]
    public async Task The_signing_key_id_is_the_same_after_a_restart_with_the_same_key_directory()
    {
        using var keys = new TemporaryDirectory();

        var first = await ReadSigningKeyIdAsync(keys.Path);
        var second = await ReadSigningKeyIdAsync(keys.Path);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Another_key_directory_means_another_signing_key()
    {
        using var keys = new TemporaryDirectory();
        using var otherKeys = new TemporaryDirectory();

        Assert.NotEqual(await ReadSigningKeyIdAsync(keys.Path), await ReadSigningKeyIdAsync(otherKeys.Path));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task The_key_files_are_readable_by_their_owner_only()
    {
        using var keys = new TemporaryDirectory();
        var directory = Path.Combine(keys.Path, "created-by-the-issuer");

        await ReadSigningKeyIdAsync(directory);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
        Assert.Equal(["encryption-key.pem", "signing-key.pem"], Directory.GetFiles(directory).Select(Path.GetFileName).Order());
        Assert.All(Directory.GetFiles(directory), file => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file)));
    }

    // Starts an issuer on the directory, reads the one key its JWKS publishes, and stops it.
    private static async Task<string> ReadSigningKeyIdAsync(string keyDirectory)
    {
        await using var issuer = await IdentityProcess.StartAsync(new IssuerSettings { KeyDirectory = keyDirectory });
        using var http = new HttpClient();
        var jwks = await http.GetFromJsonAsync<JsonElement>(new Uri(issuer.Issuer, ".well-known/jwks"));
        var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        return key.GetProperty("kid").GetString()!;
    }
}
