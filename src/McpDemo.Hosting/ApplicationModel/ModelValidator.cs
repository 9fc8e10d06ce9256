namespace McpDemo.Hosting.ApplicationModel;

/// <summary>Rejects declarations that cannot run, with a message that says what to change.</summary>
internal static class ModelValidator
{
    public static void Validate(DistributedApplicationModel model)
    {
        foreach (var resource in model.Resources)
        {
            foreach (var dependency in resource.Dependencies.Where(d => !model.Resources.Contains(d)))
            {
                throw new DistributedApplicationException($"Resource '{resource.Name}' depends on '{dependency.Name}', which is not part of this application.");
            }
            if (resource.References.Concat(resource.WaitFors).FirstOrDefault(d => d is ParameterResource) is { } parameter)
            {
                throw new DistributedApplicationException(
                    $"Resource '{resource.Name}' references or waits for parameter '{parameter.Name}', which does not run; pass it with WithEnvironment(name, parameter).");
            }
            if (resource.Replicas > 1 && resource.Endpoints.FirstOrDefault(e => e.Port is not null) is { } fixedEndpoint)
            {
                throw new DistributedApplicationException(
                    $"Resource '{resource.Name}' has {resource.Replicas} replicas but endpoint '{fixedEndpoint.Name}' has the fixed port {fixedEndpoint.Port}; replicas cannot share a port, so drop the port or the replicas.");
            }
            if (resource.HealthCheck is { } check && resource.Endpoints.All(e => e.Name != check.EndpointName))
            {
                throw new DistributedApplicationException(
                    $"Resource '{resource.Name}' has a health check on endpoint '{check.EndpointName}' but no such endpoint: add WithHttpEndpoint().");
            }
        }
        var fixedPorts = model.Resources.SelectMany(r => r.Endpoints.Where(e => e.Port is not null).Select(e => (Resource: r, Port: e.Port!.Value)));
        foreach (var clash in fixedPorts.GroupBy(p => p.Port).Where(g => g.Count() > 1))
        {
            throw new DistributedApplicationException($"Port {clash.Key} is declared by more than one resource: {string.Join(", ", clash.Select(c => c.Resource.Name))}.");
        }
        DependencyOrder.Sort(model.Resources);
    }
}
