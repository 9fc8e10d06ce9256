using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text;

namespace McpDemo.Gateway.Affinity;

/// <summary>
/// Protects session ids with AES-256-GCM (<see cref="AesGcmSeal"/>) under the <see cref="AffinityKey"/> every gateway
/// instance shares. The wrapped id is base64url (visible ASCII, as <c>Mcp-Session-Id</c> requires) of the sealed
/// replica address and replica's id.
/// </summary>
internal sealed class AesGcmSessionIdProtector(AffinityKey key) : ISessionIdProtector
{
    private const int LengthPrefix = 2;

    // Binds every id to this use, so a value sealed under the same key for anything else does not unwrap here.
    private static readonly byte[] s_associatedData = "McpDemo.Gateway Mcp-Session-Id v1"u8.ToArray();

    // What Protect writes: base64url without padding. The decoder would skip whitespace and throw on other characters.
    private static readonly SearchValues<char> s_base64UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <inheritdoc/>
    public string Protect(string destination, string sessionId)
    {
        var destinationLength = Encoding.UTF8.GetByteCount(destination);
        var plain = new byte[LengthPrefix + destinationLength + Encoding.UTF8.GetByteCount(sessionId)];
        BinaryPrimitives.WriteUInt16BigEndian(plain, checked((ushort)destinationLength));
        Encoding.UTF8.GetBytes(destination, plain.AsSpan(LengthPrefix));
        Encoding.UTF8.GetBytes(sessionId, plain.AsSpan(LengthPrefix + destinationLength));
        return Base64Url.EncodeToString(AesGcmSeal.Seal(key.Bytes, plain, s_associatedData));
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
            AesGcmSeal.Open(key.Bytes, wrapped.AsSpan(0, length), s_associatedData) is not { Length: >= LengthPrefix } plain)
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
