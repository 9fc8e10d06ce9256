using System.CommandLine;

namespace McpDemo.Hosting.Aws;

/// <summary>The AWS publisher's own command-line options.</summary>
internal static class AwsPublishOptions
{
    /// <summary>The CDK context key that may carry the certificate ARN instead of the option (<c>cdk.json</c> or <c>CDK_CONTEXT_JSON</c>).</summary>
    public const string CertificateArnContextKey = "certificateArn";

    public static readonly Option<string> CertificateArn = new("--certificate-arn")
    {
        Description = "(aws) ACM certificate ARN for an HTTPS listener (HTTP redirects to HTTPS). Without one the ALB serves plain HTTP: for testing only.",
    };

    public static readonly Option<string> DomainName = new("--domain-name")
    {
        Description = "(aws) The host name clients use (the certificate's name); the servers accept it as Host next to the ALB's own DNS name.",
    };

    public static readonly Option<string> Image = new("--image")
    {
        Description = "(aws) A container image to run instead of building src/McpDemo.Server/Dockerfile at deploy time.",
    };

    public static readonly Option<string> LambdaAdapterLayerArn = new("--lambda-adapter-layer-arn")
    {
        Description = "(aws) Overrides the AWS Lambda Web Adapter layer ARN (default: AWS's public x86_64 layer in the stack's region).",
    };

    public static IReadOnlyList<Option> All => [CertificateArn, DomainName, Image, LambdaAdapterLayerArn];
}
