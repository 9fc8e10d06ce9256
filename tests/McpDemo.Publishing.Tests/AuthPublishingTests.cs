using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using McpDemo.Testing;

namespace McpDemo.Publishing.Tests;

/// <summary>
/// Authorization on AWS: with <c>--auth oauth</c> (the default) a Cognito user pool stands in for the local issuer, and
/// the servers on Fargate and in Lambda validate its tokens; the Lambda's Function URL is open only because its function
/// does. With <c>--auth apikey</c> there is no pool. The policy refuses an open Function URL without validation, and plain
/// HTTP beside a certificate.
/// </summary>
[Collection(CdkCollection.Name)]
public sealed class AuthPublishingTests(StatelessCloudAssembly oauth, StatefulCloudAssembly apiKey) : IDisposable
{
    private const string Fargate = "McpDemoFargate";
    private const string Lambda = "McpDemoLambda";

    private readonly TemporaryDirectory _temp = new();

    [Theory]
    [InlineData(Fargate)]
    [InlineData(Lambda)]
    public void OAuth_IsACognitoPool_WithTheMcpScopes_AndAClientCredentialsClient(string stack)
    {
        var template = oauth.Template(stack);

        template.ResourceCountIs("AWS::Cognito::UserPool", 1);
        template.HasResourceProperties("AWS::Cognito::UserPoolResourceServer", Props(
            ("Identifier", "mcpdemo"),
            ("Scopes", new object[] { Like(("ScopeName", "mcp:tools")), Like(("ScopeName", "mcp:confirm")) })));
        template.HasResourceProperties("AWS::Cognito::UserPoolClient", Props(
            ("GenerateSecret", true),
            ("AllowedOAuthFlows", new object[] { "client_credentials" }),
            ("AllowedOAuthFlowsUserPoolClient", true),
            ("AllowedOAuthScopes", new object[] { "mcpdemo/mcp:tools", "mcpdemo/mcp:confirm" })));
        // CloudFormation creates the client only once its scopes exist.
        template.HasResource("AWS::Cognito::UserPoolClient", Props(("DependsOn", Match.ArrayWith([Match.StringLikeRegexp("^IssuerPoolResourceServer")]))));
        template.ResourceCountIs("AWS::Cognito::UserPoolDomain", 1);
        var outputs = template.FindOutputs("*").Keys;
        foreach (var output in (string[])["IssuerIssuerUrl", "IssuerTokenEndpoint", "IssuerClientId", "IssuerUserPoolId"])
        {
            Assert.Contains(outputs, id => id.StartsWith(output, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void OAuth_FargateServers_ValidateCognitoTokens_ForTheLoadBalancersMcpUrl()
    {
        oauth.Template(Fargate).HasResourceProperties("AWS::ECS::TaskDefinition", Props(("ContainerDefinitions", Match.ArrayWith([Like(
            ("Name", "server"),
            ("Environment", Match.ArrayWith([
                Props(("Name", "Mcp__Auth__Authority"), ("Value", IssuerUrl)),
                Props(("Name", "Mcp__Auth__AllowedClients__0"), ("Value", Ref("^IssuerPoolMachineClient"))),
                Props(("Name", "Mcp__Auth__RequiredScope"), ("Value", "mcpdemo/mcp:tools")),
                Props(("Name", "Mcp__Auth__ToolScopes__confirm_action"), ("Value", "mcpdemo/mcp:confirm")),
                Props(("Name", "Mcp__Auth__Resource"), ("Value", Props(("Fn::Join", new object[]
                {
                    "",
                    new object[] { "http://", GetAtt("^Alb", "DNSName"), "/mcp" },
                })))),
            ])))]))));
    }

    [Fact]
    public void OAuth_LambdaValidatesCognitoTokensItself_SoItsFunctionUrlMayBeOpen()
    {
        var template = oauth.Template(Lambda);

        template.HasResourceProperties("AWS::Lambda::Function", Props(("Environment", Props(("Variables", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Mcp__Auth__Authority"] = IssuerUrl,
            ["Mcp__Auth__AllowedClients__0"] = Ref("^IssuerPoolMachineClient"),
            ["Mcp__Auth__RequiredScope"] = "mcpdemo/mcp:tools",
            ["Mcp__Auth__ToolScopes__confirm_action"] = "mcpdemo/mcp:confirm",
        }))))));
        template.HasResourceProperties("AWS::Lambda::Url", Props(("AuthType", "NONE")));
    }

    [Fact]
    public void ApiKey_HasNoPool_AndServersGetNoTokenValidation()
    {
        var template = apiKey.Template(Fargate);

        template.ResourceCountIs("AWS::Cognito::UserPool", 0);
        template.HasResourceProperties("AWS::ECS::TaskDefinition", Props(("ContainerDefinitions", Match.ArrayWith([Like(
            ("Name", "server"),
            ("Environment", Match.Not(Match.ArrayWith([Like(("Name", "Mcp__Auth__Authority"))]))))]))));
    }

    [Fact]
    public async Task Policy_RejectsAnOpenFunctionUrl_WhoseFunctionDoesNotValidateTokens()
    {
        var template = JsonNode.Parse(await File.ReadAllTextAsync(oauth.TemplatePath(Lambda)))!;
        foreach (var (_, resource) in template["Resources"]!.AsObject())
        {
            if ((string?)resource!["Type"] == "AWS::Lambda::Function")
            {
                resource["Properties"]!["Environment"]!["Variables"]!.AsObject().Remove("Mcp__Auth__Authority");
            }
        }
        var broken = await Policy.WriteTemplateAsync(_temp, "open-function-url", template.ToJsonString());

        var (exitCode, output) = await Policy.ValidateAsync(broken);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("open_function_urls_validate_tokens", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Policy_RejectsAPlainHttpListener_BesideACertificate()
    {
        // The HTTPS template, with its port-80 listener forwarding to the servers instead of redirecting.
        var template = JsonNode.Parse(await File.ReadAllTextAsync(apiKey.TemplatePath(Fargate)))!;
        var forward = JsonNode.Parse("""[{ "Type": "forward", "TargetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/t/1" }]""");
        foreach (var (_, resource) in template["Resources"]!.AsObject())
        {
            if ((string?)resource!["Type"] == "AWS::ElasticLoadBalancingV2::Listener" && (string?)resource["Properties"]!["Protocol"] == "HTTP")
            {
                resource["Properties"]!["DefaultActions"] = forward!.DeepClone();
            }
        }
        var broken = await Policy.WriteTemplateAsync(_temp, "plain-http", template.ToJsonString());

        var (exitCode, output) = await Policy.ValidateAsync(broken);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("no_plain_http_when_a_certificate_is_configured", output, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private static readonly Dictionary<string, object> IssuerUrl = GetAtt("^IssuerPool", "ProviderURL");

    private static Dictionary<string, object> Ref(string logicalIdPattern) => Props(("Ref", Match.StringLikeRegexp(logicalIdPattern)));

    private static Dictionary<string, object> GetAtt(string logicalIdPattern, string attribute) =>
        Props(("Fn::GetAtt", new object[] { Match.StringLikeRegexp(logicalIdPattern), attribute }));

    private static Matcher Like(params (string Key, object Value)[] entries) => Match.ObjectLike(Props(entries));

    private static Dictionary<string, object> Props(params (string Key, object Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value);
}
