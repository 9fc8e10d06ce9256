using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace McpDemo.Gateway.Affinity;

/// <summary>The AES-256 key of this gateway: <see cref="SessionAffinityOptions.Key"/>, or one made for this instance.</summary>
internal sealed class AffinityKey
{
    /// <summary>The key length, in bytes.</summary>
    public const int Length = 32;

    /// <summary>Decodes the configured key (checked by <see cref="GatewayOptionsValidator"/>), or makes one.</summary>
    public AffinityKey(IOptions<GatewayOptions> options)
    {
        var configured = options.Value.Affinity.Key;
        IsGenerated = string.IsNullOrWhiteSpace(configured);
        // Reading options.Value ran the validator, so a configured key decodes.
        Bytes = IsGenerated ? RandomNumberGenerator.GetBytes(Length) : Decode(configured!)!;
    }

    /// <summary>The key.</summary>
    public byte[] Bytes { get; }

    /// <summary>Whether no key was configured, so this instance made its own, which no other instance shares.</summary>
    public bool IsGenerated { get; }

    /// <summary>The key <paramref name="base64"/> holds, or <see langword="null"/> when it is not base64 of <see cref="Length"/> bytes.</summary>
    public static byte[]? Decode(string base64)
    {
        var key = new byte[Length + 1];
        return Convert.TryFromBase64String(base64.Trim(), key, out var length) && length == Length ? key[..Length] : null;
    }
}
