using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace McpDemo.Gateway.Affinity;

/// <summary>
/// Data Protection under the <see cref="AffinityKey"/>, so YARP's affinity cookie (the one thing the gateway protects
/// with Data Protection) opens at every gateway instance that shares the key. ASP.NET Core's default key ring is
/// random and local to each instance, which pinned a cookie only through the instance that set it. The purpose is the
/// associated data of each seal, so protectors of different purposes do not open each other's values.
/// </summary>
internal sealed class AffinityKeyDataProtectionProvider(AffinityKey key) : IDataProtectionProvider
{
    /// <inheritdoc/>
    public IDataProtector CreateProtector(string purpose) => new Protector(key, Encoding.UTF8.GetBytes(purpose));

    private sealed class Protector(AffinityKey key, byte[] purposes) : IDataProtector
    {
        public IDataProtector CreateProtector(string purpose) =>
            new Protector(key, [.. purposes, 0, .. Encoding.UTF8.GetBytes(purpose)]);

        public byte[] Protect(byte[] plaintext) => AesGcmSeal.Seal(key.Bytes, plaintext, purposes);

        public byte[] Unprotect(byte[] protectedData) =>
            AesGcmSeal.Open(key.Bytes, protectedData, purposes) ?? throw new CryptographicException("The value was not protected with this key and purpose.");
    }
}
