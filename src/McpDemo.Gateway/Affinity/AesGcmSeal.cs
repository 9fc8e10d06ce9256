using System.Security.Cryptography;

namespace McpDemo.Gateway.Affinity;

/// <summary>
/// Authenticated encryption under the <see cref="AffinityKey"/>: AES-256-GCM with a random 96-bit nonce, laid out as
/// nonce, 128-bit tag, ciphertext. The associated data binds a sealed value to one use, so a value sealed for one
/// (a session id) does not open as another (a cookie).
/// </summary>
internal static class AesGcmSeal
{
    private const int NonceLength = 12;
    private const int TagLength = 16;

    /// <summary>The bytes a seal adds to its plaintext.</summary>
    public const int Overhead = NonceLength + TagLength;

    /// <summary>Encrypts and authenticates <paramref name="plain"/> for the use <paramref name="associatedData"/> names.</summary>
    public static byte[] Seal(byte[] key, ReadOnlySpan<byte> plain, ReadOnlySpan<byte> associatedData)
    {
        var sealedBytes = new byte[Overhead + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        // An AesGcm instance is not safe for concurrent use; one per call costs a key schedule (about a microsecond).
        using var aes = new AesGcm(key, TagLength);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(Overhead), sealedBytes.AsSpan(NonceLength, TagLength), associatedData);
        return sealedBytes;
    }

    /// <summary>The plaintext of a value <see cref="Seal"/> made with the same key and use; <see langword="null"/> for anything else.</summary>
    public static byte[]? Open(byte[] key, ReadOnlySpan<byte> sealedBytes, ReadOnlySpan<byte> associatedData)
    {
        if (sealedBytes.Length < Overhead)
        {
            return null;
        }
        var plain = new byte[sealedBytes.Length - Overhead];
        try
        {
            using var aes = new AesGcm(key, TagLength);
            aes.Decrypt(sealedBytes[..NonceLength], sealedBytes[Overhead..], sealedBytes.Slice(NonceLength, TagLength), plain, associatedData);
            return plain;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }
}
