using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace McpDemo.Hosting;

/// <summary>A secret key that several resources share, made by the AppHost when nobody supplies one.</summary>
public static class GeneratedKeyParameterExtensions
{
    /// <summary>
    /// Adds the secret parameter <paramref name="name"/>: configuration <c>Parameters:{name}</c> when set, else base64 of
    /// <paramref name="bytes"/> random bytes made once per AppHost run, so every resource given it gets the same key.
    /// Published, it is an input the deployment supplies; the local value is never written out.
    /// </summary>
    /// <remarks>
    /// Aspire's generated defaults (<c>GenerateParameterDefault</c>) make passwords from character classes, not
    /// base64 of a byte count, which is what AES keys are configured as.
    /// </remarks>
    public static IResourceBuilder<ParameterResource> AddGeneratedKeyParameter(this IDistributedApplicationBuilder builder, string name, int bytes = 32)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 16);
        var generated = new Lazy<string>(() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)));
        return builder.AddParameter(
            name,
            () => builder.Configuration[$"Parameters:{name}"] is { Length: > 0 } configured ? configured : generated.Value,
            secret: true);
    }
}
