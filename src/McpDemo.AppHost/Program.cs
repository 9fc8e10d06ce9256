using McpDemo.AppHost;
using McpDemo.Hosting;
using McpDemo.Hosting.Aws;

if (TopologyArguments.Parse(args) is not { } topology)
{
    return TopologyArguments.UsageExitCode;
}

var builder = DistributedApplication.CreateBuilder(args);

// Unset locally (the default) means no key and auth off; set it with --Parameters:mcp-api-key=... or Parameters__mcp-api-key.
var apiKey = builder.AddParameter("mcp-api-key", () => builder.Configuration["Parameters:mcp-api-key"] ?? "", secret: true);

// Shared state: with it, any replica serves any request, legacy sessions included.
var store = builder.AddGarnetStore<Projects.McpDemo_Store>("store");

var servers = builder.AddProjectReplicas<Projects.McpDemo_Server>("server", topology.Replicas)
    .WithEach(server => server
        .AsMcpServer(topology.SessionMode)
        .WithBuiltOutputLaunch()
        .WithStore(store)
        .WithEnvironmentWhenSet("Mcp__ApiKeys__0", apiKey))
    .WithRestartOnFailure();

var gateway = builder.AddProject<Projects.McpDemo_Gateway>("gateway")
    .WithBuiltOutputLaunch()
    .WithHttpEndpoint(port: topology.GatewayPort, isProxied: false)
    .WithExternalHttpEndpoints()
    // Stateless replicas need no stickiness; an affinity cookie would pin a cookie-keeping client (the demo) to one replica.
    .WithEnvironment("Gateway__Cookie__Enabled", topology.IsStateful ? "true" : "false")
    // The servers share their state through the store, so the gateway need not pin legacy sessions to a replica.
    .WithEnvironment("Gateway__Sessions__Enabled", "false")
    .WithHttpHealthCheck("/health")
    .WithReference(servers)
    .WaitFor(servers);

builder.AddProject<Projects.McpDemo_Client>("client")
    .WithBuiltOutputLaunch()
    .WithEnvironmentWhenSet("MCP_API_KEY", apiKey)
    .WithReference(gateway)
    .WaitFor(gateway);

builder.WithReplicasFile()
    .AddAwsCdkPublishing();

builder.Build().Run();
return 0;
