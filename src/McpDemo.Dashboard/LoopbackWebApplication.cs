using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace McpDemo.Dashboard;

/// <summary>
/// A bare Kestrel app on a loopback address. It reads no configuration and logs nothing, so it
/// behaves the same inside whatever process hosts it.
/// </summary>
internal static class LoopbackWebApplication
{
    public static WebApplication Create(string url, long? maxRequestBodyBytes = 30_000_000)
    {
        var uri = ParseLoopbackUrl(url);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = maxRequestBodyBytes;
            if (uri.Host == "localhost" && uri.Port != 0)
            {
                // Both 127.0.0.1 and ::1, as browsers may resolve localhost to either.
                kestrel.ListenLocalhost(uri.Port);
            }
            else
            {
                kestrel.Listen(uri.Host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(uri.Host.Trim('[', ']')), uri.Port);
            }
        });
        builder.Services.AddRouting();
        builder.Services.AddLogging();
        return builder.Build();
    }

    /// <summary>The URL the app actually listens on, which tells the port when 0 was asked for.</summary>
    public static Uri BoundUrl(WebApplication app, string requestedUrl)
    {
        var requested = new Uri(requestedUrl);
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new UriBuilder(requested) { Port = bound.Port, Path = "/" }.Uri;
    }

    private static Uri ParseLoopbackUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"'{url}' is not an http:// URL.", nameof(url));
        }
        // The dashboard shows process output and telemetry and has no login: never expose it past this machine.
        if (!uri.IsLoopback)
        {
            throw new ArgumentException($"'{url}' is not a loopback address; the dashboard binds to localhost only.", nameof(url));
        }
        return uri;
    }
}
