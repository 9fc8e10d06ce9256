using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace McpDemo.ServiceDefaults;

/// <summary>Secure by default: a web host nobody told where to listen listens on loopback only.</summary>
internal static class LoopbackBinding
{
    public const string DefaultUrl = "http://127.0.0.1:5000";

    // --urls, ASPNETCORE_URLS and DOTNET_URLS all land in "urls"; ASPNETCORE_HTTP(S)_PORTS in "http(s)_ports".
    private static readonly string[] AddressKeys = ["urls", "http_ports", "https_ports"];

    public static void BindToLoopbackByDefault(this IHostApplicationBuilder builder)
    {
        if (builder is not WebApplicationBuilder)
        {
            return;
        }
        var configuration = builder.Configuration;
        var told = AddressKeys.Any(key => !string.IsNullOrWhiteSpace(configuration[key]))
            || configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!told)
        {
            configuration["urls"] = DefaultUrl;
        }
    }
}
