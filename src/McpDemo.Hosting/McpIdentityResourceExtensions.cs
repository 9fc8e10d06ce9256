using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace McpDemo.Hosting;

/// <summary>Adds an <see cref="McpIdentityResource"/> to the app and tells it what it issues tokens for, and to whom.</summary>
public static class McpIdentityResourceExtensions
{
    /// <summary>
    /// Adds the issuer project <typeparamref name="TProject"/> as resource <paramref name="name"/>, ready once <c>/health</c>
    /// answers. It gets its configuration as the <c>Identity</c> section it reads: <c>Identity__Issuer</c>, its own
    /// endpoint's URL (the address resource servers and clients reach it at, so <c>iss</c> never depends on who asked),
    /// then <c>Identity__Resources__i</c> and <c>Identity__Clients__i__*</c> from <see cref="WithProtectedResource"/> and
    /// <see cref="WithMachineClient"/>. Its signing key stays in its default place under the user profile, so tokens
    /// outlive a restart of the app.
    /// </summary>
    public static IResourceBuilder<McpIdentityResource> AddMcpIdentity<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new()
    {
        var identity = builder.AddProjectResource<McpIdentityResource, TProject>(new McpIdentityResource(name));
        return identity
            .WithHttpEndpoint(name: McpIdentityResource.HttpEndpointName)
            .WithHttpHealthCheck("/health")
            .WithEnvironment(context => WriteIssuerConfiguration(identity.Resource, context.EnvironmentVariables));
    }

    /// <summary>
    /// Registers <paramref name="resource"/> (RFC 8707) as a resource the issuer grants tokens for: a token's <c>aud</c> is
    /// the resource its client names, and any resource not registered is refused with <c>invalid_target</c>.
    /// </summary>
    public static IResourceBuilder<McpIdentityResource> WithProtectedResource(this IResourceBuilder<McpIdentityResource> builder, ReferenceExpression resource)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(resource);
        builder.Resource.ProtectedResources.Add(resource);
        return builder;
    }

    /// <summary>
    /// Adds a machine client that gets tokens with client credentials: <paramref name="clientId"/>, whose secret is
    /// <paramref name="clientSecret"/>, for <paramref name="scopes"/>.
    /// </summary>
    public static IResourceBuilder<McpIdentityResource> WithMachineClient(
        this IResourceBuilder<McpIdentityResource> builder, string clientId, IResourceBuilder<ParameterResource> clientSecret, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentNullException.ThrowIfNull(clientSecret);
        builder.Resource.MachineClients.Add(new McpMachineClient(clientId, clientSecret.Resource, [.. scopes]));
        return builder;
    }

    private static void WriteIssuerConfiguration(McpIdentityResource identity, IDictionary<string, object> environment)
    {
        environment["Identity__Issuer"] = identity.HttpEndpoint;
        for (var i = 0; i < identity.ProtectedResources.Count; i++)
        {
            environment[$"Identity__Resources__{Index(i)}"] = identity.ProtectedResources[i];
        }
        for (var i = 0; i < identity.MachineClients.Count; i++)
        {
            var client = identity.MachineClients[i];
            var prefix = $"Identity__Clients__{Index(i)}__";
            environment[prefix + "ClientId"] = client.ClientId;
            environment[prefix + "ClientSecret"] = client.ClientSecret;
            for (var j = 0; j < client.Scopes.Count; j++)
            {
                environment[$"{prefix}Scopes__{Index(j)}"] = client.Scopes[j];
            }
        }
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
