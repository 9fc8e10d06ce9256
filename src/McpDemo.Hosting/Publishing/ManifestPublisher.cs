using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using McpDemo.Hosting.ApplicationModel;

namespace McpDemo.Hosting.Publishing;

/// <summary>
/// Writes the model as an Aspire 8.0 manifest (<c>aspire-manifest.json</c>) that azd and aspirate
/// read, using only the standard resource types. The schema has no replica count, so replicas go to
/// a side file, <c>replicas.json</c> (<see cref="ReplicasFile"/>).
/// </summary>
public sealed class ManifestPublisher : IPublisher
{
    /// <summary>The manifest's file name inside the output directory.</summary>
    public const string ManifestFileName = "aspire-manifest.json";

    /// <summary>The port a published HTTP resource listens on inside its container.</summary>
    public const int ContainerHttpPort = 8080;

    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        Indented = true,
        // Manifests are read by people and deployment tools, not embedded in HTML: keep '+' and quotes literal.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <inheritdoc />
    public string Name => "manifest";

    /// <inheritdoc />
    public IReadOnlyList<Option> Options => [];

    /// <inheritdoc />
    public void Publish(PublishContext context)
    {
        using (var stream = File.Create(Path.Combine(context.OutputDirectory, ManifestFileName)))
        using (var writer = new Utf8JsonWriter(stream, s_writerOptions))
        {
            WriteManifest(writer, context.Model, context.OutputPath);
        }
        ReplicasFile.Write(context.OutputDirectory, context.Model);
        context.Log.WriteLine($"Wrote {ManifestFileName} and {ReplicasFile.FileName} to {context.OutputPath}.");
    }

    private static void WriteManifest(Utf8JsonWriter writer, DistributedApplicationModel model, string outputPath)
    {
        writer.WriteStartObject();
        writer.WriteString("$schema", "https://json.schemastore.org/aspire-8.0.json");
        writer.WriteStartObject("resources");
        foreach (var resource in model.Resources)
        {
            writer.WriteStartObject(resource.Name);
            WriteResource(writer, resource, outputPath);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteResource(Utf8JsonWriter writer, Resource resource, string outputPath)
    {
        switch (resource)
        {
            case ParameterResource parameter:
                WriteParameter(writer, parameter);
                return;
            case ProjectResource project:
                writer.WriteString("type", "project.v0");
                writer.WriteString("path", Path.GetRelativePath(outputPath, project.ProjectPath).Replace('\\', '/'));
                break;
            case ExecutableResource:
                throw new DistributedApplicationException(
                    $"Resource '{resource.Name}' is an executable, which the Aspire manifest cannot deploy; declare it as a project or leave it out of published topologies.");
            default:
                throw new DistributedApplicationException($"Resource '{resource.Name}' is a {resource.GetType().Name}, which the manifest publisher does not know.");
        }
        if (resource.Args.Count > 0)
        {
            writer.WriteStartArray("args");
            foreach (var arg in resource.Args)
            {
                writer.WriteStringValue(arg);
            }
            writer.WriteEndArray();
        }
        writer.WriteStartObject("env");
        foreach (var (name, value) in EnvironmentOf(resource))
        {
            writer.WriteString(name, value);
        }
        writer.WriteEndObject();
        if (resource.Endpoints.Count > 0)
        {
            writer.WriteStartObject("bindings");
            foreach (var endpoint in resource.Endpoints)
            {
                writer.WriteStartObject(endpoint.Name);
                writer.WriteString("scheme", endpoint.Scheme);
                writer.WriteString("protocol", "tcp");
                writer.WriteString("transport", "http");
                if (endpoint.IsExternal)
                {
                    writer.WriteBoolean("external", true);
                }
                if (endpoint.Port is { } port)
                {
                    writer.WriteNumber("port", port);
                }
                writer.WriteNumber("targetPort", ContainerHttpPort);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
    }

    /// <summary>
    /// A <c>parameter.v0</c>: the deployment tool asks for one string input (hidden as it is typed when
    /// secret) and the parameter's value is that input. The local value is never written.
    /// </summary>
    private static void WriteParameter(Utf8JsonWriter writer, ParameterResource parameter)
    {
        const string Input = "value";
        writer.WriteString("type", "parameter.v0");
        writer.WriteString("value", ManifestExpression.ParameterInput(parameter, Input));
        writer.WriteStartObject("inputs");
        writer.WriteStartObject(Input);
        writer.WriteString("type", "string");
        if (parameter.Secret)
        {
            writer.WriteBoolean("secret", true);
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>
    /// The Aspire environment contract in manifest expressions: the deployment tool fills in each
    /// <c>{resource.bindings.endpoint.property}</c> with the deployed value.
    /// </summary>
    private static IEnumerable<KeyValuePair<string, string>> EnvironmentOf(Resource resource)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["OTEL_SERVICE_NAME"] = resource.Name,
        };
        if (resource.Endpoints.FirstOrDefault(e => e.Scheme == "http") is { } http)
        {
            // A container must listen on every interface; the services otherwise default to loopback.
            environment["ASPNETCORE_URLS"] = $"http://+:{ManifestExpression.Binding(resource, http, "targetPort")}";
            if (McpServerConventions.IsMcpServer(resource))
            {
                // Callers (the gateway) address the server by its deployed host name; the server must accept that Host.
                environment[McpServerConventions.AllowedHostsVariablePrefix + "0"] = ManifestExpression.Binding(resource, http, "host");
            }
        }
        foreach (var reference in resource.References)
        {
            foreach (var endpoint in reference.Endpoints)
            {
                // One entry: the deployment gives each resource one address that spreads over its replicas.
                environment[$"services__{reference.Name}__{endpoint.Name}__0"] = ManifestExpression.Binding(reference, endpoint, "url");
            }
        }
        foreach (var (name, value) in resource.Environment)
        {
            environment[name] = value;
        }
        foreach (var (name, parameter) in resource.ParameterEnvironment)
        {
            environment[name] = ManifestExpression.ParameterValue(parameter);
        }
        return environment;
    }
}
