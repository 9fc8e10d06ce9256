using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;

namespace McpDemo.Guards;

/// <summary>Options of <see cref="ApiKeyAuthenticationHandler"/>: the accepted keys.</summary>
public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions
{
    private string[] _keys = [];
    private byte[][] _keyDigests = [];

    /// <summary>The accepted bearer keys. Only their SHA-256 digests are kept once set.</summary>
    public IReadOnlyList<string> Keys
    {
        get => _keys;
        set
        {
            _keys = [.. value];
            _keyDigests = [.. _keys.Select(key => SHA256.HashData(Encoding.UTF8.GetBytes(key)))];
        }
    }

    internal IReadOnlyList<byte[]> KeyDigests => _keyDigests;
}
