using McpDemo.AppHost;
using McpDemo.Hosting;
using McpDemo.Hosting.Aws;

var builder = DistributedApplication.CreateBuilder(args);

// Our options come from the configuration Aspire builds from the command line; its own (--publisher, --operation,
// --step, --output-path, ...) stay Aspire's.
if (TopologyOptions.Read(builder.Configuration, builder.ExecutionContext.IsRunMode, out var error) is not { } topology)
{
    Console.Error.WriteLine(error);
    return TopologyOptions.UsageExitCode;
}

// --auth oauth (the default): the local issuer, which servers and gateways trust, starts first. --auth apikey: one key
// for every caller, generated for this run unless set with --Parameters:mcp-api-key=... . --auth none: neither.
var identity = topology.Auth == AuthMode.OAuth ? builder.AddMcpIdentity<Projects.McpDemo_Identity>("identity") : null;
var apiKey = topology.Auth == AuthMode.ApiKey ? builder.AddGeneratedKeyParameter("mcp-api-key") : null;

// Shared state: with it, any replica serves any request, legacy sessions included. Without it (--store none) each
// legacy session lives on the replica that created it, and the gateways keep it there.
var store = topology.HasStore ? builder.AddGarnetStore<Projects.McpDemo_Store>("store") : null;

// The key every gateway wraps session ids with, so each routes a session to its replica whichever one a request
// reaches. Only needed when the gateways route sessions, which is when no store shares them.
var affinityKey = store is null ? builder.AddGeneratedKeyParameter("gateway-affinity-key") : null;

var servers = builder.AddProjectReplicas<Projects.McpDemo_Server>("server", topology.Replicas)
    .WithEach(server =>
    {
        server.AsMcpServer(topology.SessionMode);
        // --server-binary: a published (NativeAOT or ReadyToRun) server, which starts in a fraction of the time the build
        // output takes under the JIT, so a replica restarted after a crash is back in rotation sooner.
        if (topology.ServerBinary is { } published)
        {
            server.WithPublishedLaunch(published);
        }
        else
        {
            server.WithBuiltOutputLaunch();
        }
        if (apiKey is not null)
        {
            server.WithApiKey(apiKey);
        }
        if (store is not null)
        {
            server.WithReference(store).WaitFor(store);
        }
    })
    .WithRestartOnFailure();

// gateway (or gateway-1..N): the first on --gateway-port, the others on free ports the dashboard shows.
var gateways = builder.AddProjectReplicas<Projects.McpDemo_Gateway>("gateway", topology.Gateways)
    .WithFirstHttpPort(topology.GatewayPort)
    .WithEach(gateway =>
    {
        gateway.WithBuiltOutputLaunch()
            .WithExternalHttpEndpoints()
            .WithHttpHealthCheck("/health")
            .WithReference(servers)
            .WaitFor(servers);
        // With the store any replica adopts any session, so round-robin spreads a session's calls; without it the
        // session id (and, for clients that keep cookies, the ALB-style cookie) must bring each call back to the
        // replica that holds the session. Stateless replicas need no cookie: it would only pin a cookie-keeping
        // client (the demo) to one replica.
        if (affinityKey is not null)
        {
            gateway.WithSessionRouting(affinityKey).WithCookieAffinity(topology.IsStateful);
        }
        else
        {
            // The store also counts the per-tool rate limits, so N gateways admit one limit, not N.
            gateway.WithoutSessionRouting().WithCookieAffinity(false).WithReference(store!);
        }
    })
    .WithRestartOnFailure();

var client = builder.AddProject<Projects.McpDemo_Client>("client")
    .WithBuiltOutputLaunch()
    // services__gateway__http__0..N-1: the client goes through the first gateway, on --gateway-port.
    .WithReference(gateways)
    .WaitFor(gateways);
if (apiKey is not null)
{
    client.WithClientApiKey(apiKey);
}
if (identity is not null)
{
    // The MCP resource tokens are issued for (RFC 8707) is the URL clients see: the first gateway's /mcp. Every gateway
    // and replica serves that one endpoint, so each checks tokens against it.
    var mcpResource = ReferenceExpression.Create($"{gateways.Replicas[0].GetEndpoint("http")}/mcp");
    const string DemoClientId = "mcpdemo-client";
    identity.WithProtectedResource(mcpResource)
        .WithMachineClient(DemoClientId, builder.AddGeneratedKeyParameter("mcp-client-secret"), "mcp:tools", "mcp:confirm");
    servers.WithEach(server => server.WithServerTokenValidation(identity, mcpResource));
    gateways.WithEach(gateway => gateway.WithGatewayTokenValidation(identity, mcpResource));
    client.WithClientCredentials(identity, DemoClientId);
}
if (topology.IsStateful)
{
    // The stateful topology shows a legacy session; 2026-07-28, the client's default, has none.
    client.WithArgs("--protocol", "2025-11-25");
}

builder.WithReplicasFile()
    .AddAwsCdkPublishing();

builder.Build().Run();
return 0;
