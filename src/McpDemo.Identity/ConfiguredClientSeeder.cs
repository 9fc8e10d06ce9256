using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace McpDemo.Identity;

/// <summary>Creates or updates the configured machine clients, so every start leaves exactly what configuration says.</summary>
internal sealed class ConfiguredClientSeeder(
    IOpenIddictApplicationManager applications,
    IOptions<IssuerOptions> options,
    ILogger<ConfiguredClientSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var client in options.Value.Clients)
        {
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = client.ClientId,
                ClientSecret = client.ClientSecret,
                ClientType = ClientTypes.Confidential,
                DisplayName = client.ClientId,
            };
            descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials]);
            descriptor.Permissions.UnionWith(ClientPermissions.For(client.Scopes, options.Value));

            var existing = await applications.FindByClientIdAsync(client.ClientId, cancellationToken);
            if (existing is null)
            {
                await applications.CreateAsync(descriptor, cancellationToken);
            }
            else
            {
                await applications.UpdateAsync(existing, descriptor, cancellationToken);
            }
            logger.LogInformation("Client {ClientId} may use client credentials for scopes {Scopes}.", client.ClientId, string.Join(' ', client.Scopes));
        }
    }
}
