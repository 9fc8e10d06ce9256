using Aspire.Hosting.ApplicationModel;

namespace McpDemo.Hosting;

/// <summary>
/// The store that lets every server replica serve every request (legacy sessions, resumable streams, the Data
/// Protection key ring, notification fan-out): a .NET project embedding Garnet, a Redis-protocol server, so it needs
/// nothing installed. Its connection string is <c>HOST:PORT</c> of its RESP endpoint, which StackExchange.Redis reads.
/// </summary>
/// <remarks>
/// A project resource, so DCP runs it and the manifest declares it as any project, and a resource with a connection
/// string, so <c>WithReference</c> gives it to services as <c>ConnectionStrings__&lt;name&gt;</c> and deployment steps
/// recognise it by type.
/// </remarks>
/// <param name="name">The resource name, also the name of the connection string services read.</param>
public sealed class GarnetStoreResource(string name) : ProjectResource(name), IResourceWithConnectionString
{
    /// <summary>The name of the store's Redis-protocol (RESP) endpoint.</summary>
    public const string RespEndpointName = "resp";

    /// <summary>The store's Redis-protocol endpoint.</summary>
    public EndpointReference RespEndpoint => field ??= new(this, RespEndpointName);

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{RespEndpoint.Property(EndpointProperty.HostAndPort)}");
}
