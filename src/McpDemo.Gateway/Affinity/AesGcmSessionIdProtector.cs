using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace McpDemo.Gateway.Affinity;

/// <summary>
/// Protects session ids with AES-256-GCM under one key that every gateway instance shares. The wrapped id is
/// base64url (visible ASCII, as <c>Mcp-Session-Id</c> requires) of a random 96-bit nonce, the 128-bit tag and the
/// ciphertext of the replica address and the replica's id.
/// </summary>
public sealed class AesGcmSessionIdProtector : ISessionIdProtector
{
    /// <summary>The key length, in bytes.</summary>
    public const int KeyLength = 32;

    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int LengthPrefix = 2;

    // Binds every id to this use, so a ciphertext made under the same key for anything else does not unwrap here.
    private static readonly byte[] s_associatedData = "McpDemo.Gateway Mcp-Session-Id v1"u8.ToArray();

    // What Protect writes: base64url without padding. The decoder would skip whitespace and throw on other characters.
    private static readonly SearchValues<char> s_base64UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private readonly byte[] _key;

    /// <summary>Uses <paramref name="key"/>, <see cref="KeyLength"/> bytes.</summary>
    public AesGcmSessionIdProtector(byte[] key)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(key.Length, KeyLength);
        _key = key;
    }

    /// <inheritdoc/>
    public string Protect(string destination, string sessionId)
    {
        var destinationLength = Encoding.UTF8.GetByteCount(destination);
        var plain = new byte[LengthPrefix + destinationLength + Encoding.UTF8.GetByteCount(sessionId)];
        BinaryPrimitives.WriteUInt16BigEndian(plain, checked((ushort)destinationLength));
        Encoding.UTF8.GetBytes(destination, plain.AsSpan(LengthPrefix));
        Encoding.UTF8.GetBytes(sessionId, plain.AsSpan(LengthPrefix + destinationLength));

        var wrapped = new byte[NonceLength + TagLength + plain.Length];
        var nonce = wrapped.AsSpan(0, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        // An AesGcm instance is not safe for concurrent use; one per call costs a key schedule (about a microsecond).
        using var aes = new AesGcm(_key, TagLength);
        aes.Encrypt(nonce, plain, wrapped.AsSpan(NonceLength + TagLength), wrapped.AsSpan(NonceLength, TagLength), s_associatedData);
        return Base64Url.EncodeToString(wrapped);
    }

    /// <inheritdoc/>
    public bool TryUnprotect(string wrappedId, out string destination, out string sessionId)
    {
        destination = sessionId = "";
        if (wrappedId.AsSpan().ContainsAnyExcept(s_base64UrlAlphabet))
        {
            return false;
        }
        var wrapped = new byte[Base64Url.GetMaxDecodedLength(wrappedId.Length)];
        if (Base64Url.DecodeFromChars(wrappedId, wrapped, out _, out var length) != OperationStatus.Done ||
            length < NonceLength + TagLength + LengthPrefix)
        {
            return false;
        }
        var plain = new byte[length - NonceLength - TagLength];
        try
        {
            using var aes = new AesGcm(_key, TagLength);
            aes.Decrypt(wrapped.AsSpan(0, NonceLength), wrapped.AsSpan(NonceLength + TagLength, plain.Length),
                wrapped.AsSpan(NonceLength, TagLength), plain, s_associatedData);
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
        var destinationLength = BinaryPrimitives.ReadUInt16BigEndian(plain);
        if (destinationLength > plain.Length - LengthPrefix)
        {
            return false;
        }
        destination = Encoding.UTF8.GetString(plain, LengthPrefix, destinationLength);
        sessionId = Encoding.UTF8.GetString(plain, LengthPrefix + destinationLength, plain.Length - LengthPrefix - destinationLength);
        return true;
    }
}
