using McpDemo.AppHost;
using McpDemo.Hosting;
using McpDemo.Hosting.Aws;
using McpDemo.Hosting.CommandLine;

// The McpDemo topology: N MCP server replicas behind a YARP gateway, and a client that runs the demo through it.
return new AppHostCommand("Runs McpDemo locally: MCP server replicas, the gateway and the demo client.", TopologyOptions.Mode, TopologyOptions.Replicas, TopologyOptions.GatewayPort)
    .AddPublisher(new AwsCdkPublisher())
    .Run(args, (builder, options) =>
    {
        // Unset locally (the default) means no key and auth off; set it with --Parameters:mcp-api-key=... or Parameters__mcp-api-key.
        var apiKey = builder.AddParameter("mcp-api-key", secret: true, optional: true);

        var server = builder.AddProject<Projects.McpDemo_Server>("server")
            .WithReplicas(options.GetValue(TopologyOptions.Replicas))
            .WithArgs($"--Mcp:SessionMode={TopologyOptions.SessionMode(options)}")
            .WithEnvironment("Mcp__ApiKeys__0", apiKey)
            .WithHttpEndpoint()
            .WithHttpHealthCheck("/health");

        var gateway = builder.AddProject<Projects.McpDemo_Gateway>("gateway")
            .WithHttpEndpoint(port: options.GetValue(TopologyOptions.GatewayPort))
            .WithExternalHttpEndpoints()
            // Stateless replicas need no stickiness; an affinity cookie would pin a cookie-keeping client (the demo) to one replica.
            .WithEnvironment("Gateway__Cookie__Enabled", TopologyOptions.SessionMode(options) == "Stateful" ? "true" : "false")
            .WithHttpHealthCheck("/health")
            .WithReference(server)
            .WaitFor(server);

        builder.AddProject<Projects.McpDemo_Client>("client")
            .WithEnvironment("MCP_API_KEY", apiKey)
            .WithReference(gateway)
            .WaitFor(gateway);
    });
