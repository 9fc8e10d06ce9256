using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace McpDemo.Hosting;

/// <summary>Environment variables from parameters that may be left unset.</summary>
internal static class OptionalParameterEnvironment
{
    /// <summary>
    /// Sets <paramref name="name"/> to <paramref name="parameter"/>'s value when it has one, and leaves the variable
    /// out when it is empty, so a service sees "not configured" rather than an empty value. Published, the variable
    /// always refers to the parameter, which the deployment supplies.
    /// </summary>
    public static IResourceBuilder<T> WithEnvironmentWhenSet<T>(this IResourceBuilder<T> builder, string name, IResourceBuilder<ParameterResource> parameter)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(parameter);
        return builder.WithEnvironment(async context =>
        {
            if (context.ExecutionContext.IsPublishMode
                || !string.IsNullOrEmpty(await parameter.Resource.GetValueAsync(context.CancellationToken)))
            {
                context.EnvironmentVariables[name] = parameter.Resource;
            }
        });
    }
}
