using System.CommandLine;
using McpDemo.Hosting;
using McpDemo.Hosting.CommandLine;

// A small topology of test services: "svc" replicas, and a "worker" that references and waits for them.
var project = new Option<string>("--project") { Required = true, Description = "The test service project file." };
var replicas = new Option<int>("--replicas") { DefaultValueFactory = _ => 2 };
var port = new Option<int?>("--port") { Description = "A fixed port for the worker." };

return new AppHostCommand("Runs test services under the McpDemo orchestrator.", project, replicas, port)
    .Run(args, (builder, options) =>
    {
        var service = builder.AddProject("svc", options.GetValue(project)!)
            .WithReplicas(options.GetValue(replicas))
            .WithHttpEndpoint()
            .WithHttpHealthCheck("/health");

        builder.AddProject("worker", options.GetValue(project)!)
            .WithHttpEndpoint(options.GetValue(port))
            .WithReference(service)
            .WaitFor(service);
    },
    // Several test hosts run at once, so none takes the dashboard's fixed ports.
    new DistributedApplicationOptions { DashboardUrl = null });
