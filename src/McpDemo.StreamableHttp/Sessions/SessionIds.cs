using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace McpDemo.StreamableHttp.Sessions;

/// <summary>Mints session ids: 256 bits from a CSPRNG, base64url so they are safe in headers and URLs.</summary>
internal static class SessionIds
{
    public static string NewId()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return WebEncoders.Base64UrlEncode(bytes);
    }
}
