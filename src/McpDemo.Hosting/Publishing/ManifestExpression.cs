using McpDemo.Hosting.ApplicationModel;

namespace McpDemo.Hosting.Publishing;

/// <summary>Builds Aspire manifest expressions, the placeholders a deployment tool replaces with deployed values.</summary>
public static class ManifestExpression
{
    /// <summary>
    /// A binding property, e.g. <c>{server.bindings.http.url}</c>; <paramref name="property"/> is one of
    /// <c>url</c>, <c>host</c>, <c>port</c>, <c>targetPort</c> or <c>scheme</c>.
    /// </summary>
    public static string Binding(Resource resource, EndpointDefinition endpoint, string property) =>
        $"{{{resource.Name}.bindings.{endpoint.Name}.{property}}}";

    /// <summary>A parameter's deployed value, e.g. <c>{mcp-api-key.value}</c>: what consumers' variables hold.</summary>
    public static string ParameterValue(ParameterResource parameter) => $"{{{parameter.Name}.value}}";

    /// <summary>The input a deployment tool asks for, e.g. <c>{mcp-api-key.inputs.value}</c>: what a parameter's value is.</summary>
    public static string ParameterInput(ParameterResource parameter, string input) => $"{{{parameter.Name}.inputs.{input}}}";
}
