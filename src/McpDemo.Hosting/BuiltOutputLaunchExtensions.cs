using System.Reflection;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace McpDemo.Hosting;

/// <summary>Runs a project's built app directly rather than through <c>dotnet run</c>.</summary>
public static class BuiltOutputLaunchExtensions
{
    /// <summary>
    /// Starts the project as <c>dotnet bin/&lt;configuration&gt;/&lt;tfm&gt;/&lt;name&gt;.dll</c>, the output the AppHost's
    /// build just produced, in place of DCP's default <c>dotnet run --no-build</c>: that wrapper stays alive beside the
    /// app at about 170 MiB, once per replica. Uses Aspire's launch tool arguments, which replace the <c>run</c> verb.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithBuiltOutputLaunch(this IResourceBuilder<ProjectResource> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.ApplicationBuilder.ExecutionContext.IsRunMode || builder.ApplicationBuilder.AppHostAssembly is not { } appHost)
        {
            // Published, a project is built and run by the deployment; there is no local build output to point at.
            return builder;
        }
        var assembly = BuiltAssemblyOf(builder.Resource.GetProjectMetadata().ProjectPath, appHost);
        // ASPIREEXTENSION001: launch tool arguments are Aspire's documented way to replace a project's `run` verb,
        // marked experimental in 13.6.
#pragma warning disable ASPIREEXTENSION001
        return builder.WithLaunchToolArgs(context => context.Args.Add(assembly), showInCommandLine: false);
#pragma warning restore ASPIREEXTENSION001
    }

    /// <summary>
    /// Starts the project as <paramref name="executable"/>, an app published from it (a NativeAOT binary from
    /// <c>dotnet publish -p:PublishAot=true</c>, or the app host of a ReadyToRun publish), from the folder it was published
    /// to, in place of its build output: nothing is compiled as it starts, so a replica that is restarted after a crash is
    /// serving again in a fraction of the time. The AppHost runs the file as it is: publish it again after changing the
    /// project. Use it instead of <see cref="WithBuiltOutputLaunch"/>, not with it.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPublishedLaunch(this IResourceBuilder<ProjectResource> builder, string executable)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(executable);
        if (!builder.ApplicationBuilder.ExecutionContext.IsRunMode)
        {
            // Published, the deployment builds and runs the project; a file on this machine means nothing there.
            return builder;
        }
        var path = Path.GetFullPath(executable);
        if (!File.Exists(path))
        {
            throw new DistributedApplicationException($"{path} is missing: publish the project there first.");
        }
        // A project resource with an executable annotation runs that command, with none of the `dotnet run` arguments.
        return builder.WithAnnotation(
            new ExecutableAnnotation { Command = path, WorkingDirectory = Path.GetDirectoryName(path)! },
            ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>
    /// The project's built assembly, by the SDK's default layout and the configuration and framework the AppHost
    /// itself was built with (an AppHost builds the projects it references with its own).
    /// </summary>
    private static string BuiltAssemblyOf(string projectPath, Assembly appHost)
    {
        var configuration = appHost.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var framework = Path.GetFileName(Path.GetDirectoryName(appHost.Location)!);
        var name = Path.GetFileNameWithoutExtension(projectPath);
        var assembly = Path.Combine(Path.GetDirectoryName(projectPath)!, "bin", configuration, framework, name + ".dll");
        return File.Exists(assembly)
            ? assembly
            : throw new DistributedApplicationException($"{assembly} is missing: build the AppHost (dotnet build src/McpDemo.AppHost) first.");
    }
}
