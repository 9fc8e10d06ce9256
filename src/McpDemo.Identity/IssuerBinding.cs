using System.Net;

namespace McpDemo.Identity;

/// <summary>
/// Where the issuer listens, and so whether plain HTTP is acceptable: OAuth 2.1 requires TLS for an authorization
/// server, and the only exception we make is loopback, where the traffic never leaves the machine.
/// </summary>
internal sealed class IssuerBinding
{
    private IssuerBinding(IReadOnlyList<BindingAddress> addresses) => Addresses = addresses;

    /// <summary>Every address the host was told to listen on (<c>--urls</c>, <c>http_ports</c>, Kestrel endpoints), and the issuer URL.</summary>
    public IReadOnlyList<BindingAddress> Addresses { get; }

    /// <summary>Whether every address is on loopback.</summary>
    public bool IsLoopbackOnly => Addresses.All(IsLoopback);

    /// <summary>Whether any address is plain HTTP.</summary>
    public bool ServesPlainHttp => Addresses.Any(address => !IsHttps(address));

    /// <summary>The first plain-HTTP address off loopback, which the issuer refuses to serve; null when there is none.</summary>
    public BindingAddress? PlainHttpOffLoopback => Addresses.FirstOrDefault(address => !IsHttps(address) && !IsLoopback(address));

    /// <summary>Reads the addresses from configuration (after the service defaults filled in the loopback default).</summary>
    public static IssuerBinding FromConfiguration(IConfiguration configuration, IssuerOptions options)
    {
        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(Ports(configuration["http_ports"], "http"))
            .Concat(Ports(configuration["https_ports"], "https"))
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(endpoint => endpoint["Url"]).OfType<string>());
        if (options.Issuer is { } issuer)
        {
            urls = urls.Append(issuer.GetLeftPart(UriPartial.Authority));
        }
        return new IssuerBinding(urls.Select(BindingAddress.Parse).ToList());
    }

    // ASPNETCORE_HTTP_PORTS binds every interface, which is what "*" says.
    private static IEnumerable<string> Ports(string? ports, string scheme) =>
        (ports ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(port => $"{scheme}://*:{port}");

    private static bool IsHttps(BindingAddress address) =>
        string.Equals(address.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase);

    private static bool IsLoopback(BindingAddress address) =>
        string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
