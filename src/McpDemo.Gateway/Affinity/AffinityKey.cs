using System.Security.Cryptography;

namespace McpDemo.Gateway.Affinity;

/// <summary>The AES key session ids are wrapped with: <see cref="SessionAffinityOptions.Key"/>, or one made for this instance.</summary>
internal static class AffinityKey
{
    /// <summary>Decodes the configured key, or makes a random one when none is configured (<paramref name="generated"/>).</summary>
    /// <exception cref="GatewayConfigurationException">The configured key is not base64 of 32 bytes.</exception>
    public static byte[] Read(SessionAffinityOptions options, out bool generated)
    {
        generated = string.IsNullOrWhiteSpace(options.Key);
        if (generated)
        {
            return RandomNumberGenerator.GetBytes(AesGcmSessionIdProtector.KeyLength);
        }
        var key = new byte[AesGcmSessionIdProtector.KeyLength + 1];
        if (!Convert.TryFromBase64String(options.Key!.Trim(), key, out var length) || length != AesGcmSessionIdProtector.KeyLength)
        {
            // Never echo the value: it is a secret.
            throw new GatewayConfigurationException(
                $"{GatewayOptions.SectionName}:Affinity:Key must be base64 of {AesGcmSessionIdProtector.KeyLength} random bytes " +
                "(e.g. the output of `openssl rand -base64 32`), the same for every gateway instance.");
        }
        return key[..length];
    }
}
