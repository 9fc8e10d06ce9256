using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;

namespace McpDemo.Publishing.Tests;

[Collection(CdkCollection.Name)]
public sealed class AwsPublisherTests(StatelessCloudAssembly stateless, StatefulCloudAssembly stateful)
{
    private const string Fargate = "McpDemoFargate";
    private const string Lambda = "McpDemoLambda";

    [Fact]
    public void FargateService_RunsTheModelsReplicaCount()
    {
        stateless.Template(Fargate).HasResourceProperties("AWS::ECS::Service", Props(("DesiredCount", 2), ("LaunchType", "FARGATE")));
        stateful.Template(Fargate).HasResourceProperties("AWS::ECS::Service", Props(("DesiredCount", 3)));
    }

    [Fact]
    public void ApiKeyParameter_IsAGeneratedSecret_InjectedAsAnEcsSecret()
    {
        var template = stateful.Template(Fargate);

        template.ResourceCountIs("AWS::SecretsManager::Secret", 1);
        template.HasResourceProperties("AWS::SecretsManager::Secret", Props(("GenerateSecretString", Like(("PasswordLength", 48)))));
        template.HasResourceProperties("AWS::ECS::TaskDefinition", Props(("ContainerDefinitions", Match.ArrayWith([Like(
            ("Name", "server"),
            ("Secrets", Match.ArrayWith([Like(("Name", "Mcp__ApiKeys__0"))])),
            ("Environment", Match.Not(Match.ArrayWith([Like(("Name", "Mcp__ApiKeys__0"))]))))]))));
    }

    [Fact]
    public void Network_IsAVpcOverTwoAzs_WithACluster()
    {
        var template = stateless.Template(Fargate);

        template.ResourceCountIs("AWS::EC2::VPC", 1);
        template.ResourceCountIs("AWS::EC2::Subnet", 4);
        template.ResourceCountIs("AWS::ECS::Cluster", 1);
    }

    [Fact]
    public void TargetGroup_ChecksHealth_AndDrainsStreams()
    {
        stateless.Template(Fargate).HasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Props(
            ("HealthCheckPath", "/health"),
            ("Port", 8080),
            ("TargetType", "ip"),
            ("TargetGroupAttributes", Match.ArrayWith([Props(("Key", "deregistration_delay.timeout_seconds"), ("Value", "90"))]))));
    }

    [Fact]
    public void TargetGroup_IsSticky_OnlyWhenStateful()
    {
        var sticky = Match.ArrayWith([Props(("Key", "stickiness.enabled"), ("Value", "true")), Props(("Key", "stickiness.type"), ("Value", "lb_cookie"))]);

        stateful.Template(Fargate).HasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Props(("TargetGroupAttributes", sticky)));
        stateless.Template(Fargate).HasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Props(("TargetGroupAttributes", Match.Not(sticky))));
    }

    [Fact]
    public void Listener_IsHttps_WithARedirect_WhenACertificateIsGiven()
    {
        var template = stateful.Template(Fargate);

        template.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Props(
            ("Port", 443),
            ("Protocol", "HTTPS"),
            ("Certificates", new object[] { Props(("CertificateArn", StatefulCloudAssembly.CertificateArn)) })));
        template.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Props(
            ("Port", 80),
            ("Protocol", "HTTP"),
            ("DefaultActions", new object[] { Props(("Type", "redirect"), ("RedirectConfig", Props(("Protocol", "HTTPS"), ("Port", "443"), ("StatusCode", "HTTP_301")))) })));
        Assert.DoesNotContain("PLAIN HTTP", stateful.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Listener_IsPlainHttp_WithALoudWarning_WithoutACertificate()
    {
        var template = stateless.Template(Fargate);

        template.ResourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 1);
        template.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Props(("Port", 80), ("Protocol", "HTTP")));
        Assert.Contains("WARNING: no certificate ARN given", stateless.Output, StringComparison.Ordinal);
        Assert.Contains("PLAIN HTTP", stateless.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Task_HasTheCollectorSidecar_AndTheServerExportsToIt()
    {
        stateless.Template(Fargate).HasResourceProperties("AWS::ECS::TaskDefinition", Props(("ContainerDefinitions", Match.ArrayWith([
            Like(("Name", "otel-collector"), ("Image", Match.StringLikeRegexp("aws-observability/aws-otel-collector:"))),
            Like(
                ("Name", "server"),
                ("Command", new object[] { "--Mcp:SessionMode=Stateless" }),
                ("Environment", Match.ArrayWith([
                    Props(("Name", "ASPNETCORE_URLS"), ("Value", "http://0.0.0.0:8080")),
                    Props(("Name", "Mcp__AllowedHosts__0"), ("Value", Props(("Fn::GetAtt", new object[] { Match.StringLikeRegexp("^Alb"), "DNSName" })))),
                    Props(("Name", "OTEL_EXPORTER_OTLP_ENDPOINT"), ("Value", "http://localhost:4318")),
                ]))),
        ]))));
    }

    [Fact]
    public void Server_AcceptsTheDomainName_AndRunsTheGivenImage()
    {
        stateful.Template(Fargate).HasResourceProperties("AWS::ECS::TaskDefinition", Props(("ContainerDefinitions", Match.ArrayWith([
            Like(
                ("Name", "server"),
                ("Image", StatefulCloudAssembly.Image),
                ("Command", new object[] { "--Mcp:SessionMode=Stateful" }),
                ("Environment", Match.ArrayWith([Props(("Name", "Mcp__AllowedHosts__1"), ("Value", "mcp.example.com"))]))),
        ]))));
    }

    [Fact]
    public void Image_IsBuiltFromTheServersDockerfile_WhenNoneIsGiven()
    {
        var assets = JsonNode.Parse(File.ReadAllText(Path.Combine(stateless.OutputPath, $"{Fargate}.assets.json")))!;

        var image = Assert.Single(assets["dockerImages"]!.AsObject()).Value!;
        Assert.Equal("src/McpDemo.Server/Dockerfile", (string?)image["source"]!["dockerFile"]);
        Assert.Equal("linux/amd64", (string?)image["source"]!["platform"]);
    }

    [Fact]
    public void LogGroups_AllHaveRetention()
    {
        stateless.Template(Fargate).AllResourcesProperties("AWS::Logs::LogGroup", Props(("RetentionInDays", 30)));
        stateless.Template(Lambda).AllResourcesProperties("AWS::Logs::LogGroup", Props(("RetentionInDays", 30)));
        stateless.Template(Fargate).ResourceCountIs("AWS::Logs::LogGroup", 4);
    }

    [Fact]
    public void Tasks_AreReachableOnlyFromTheLoadBalancer()
    {
        var template = stateless.Template(Fargate);

        template.ResourcePropertiesCountIs("AWS::EC2::SecurityGroupIngress", Props(("GroupId", GroupId("^ServerServiceSecurityGroup"))), 1);
        template.HasResourceProperties("AWS::EC2::SecurityGroupIngress", Props(
            ("GroupId", GroupId("^ServerServiceSecurityGroup")),
            ("FromPort", 8080),
            ("ToPort", 8080),
            ("SourceSecurityGroupId", GroupId("^AlbSecurityGroup"))));
    }

    [Fact]
    public void Store_IsAServerlessValkeyCache_InThePrivateSubnets_BehindItsOwnSecurityGroup()
    {
        foreach (var assembly in new CloudAssemblyFixture[] { stateless, stateful })
        {
            var template = assembly.Template(Fargate);

            template.ResourceCountIs("AWS::ElastiCache::ServerlessCache", 1);
            template.HasResourceProperties("AWS::ElastiCache::ServerlessCache", Props(
                ("Engine", "valkey"),
                ("ServerlessCacheName", "mcpdemofargate-store"),
                ("SubnetIds", new object[] { Ref("^VpcPrivateSubnet1Subnet"), Ref("^VpcPrivateSubnet2Subnet") }),
                ("SecurityGroupIds", new object[] { GroupId("^storeSecurityGroup") })));
        }
    }

    [Fact]
    public void Store_IsReachableOnlyOnItsPort_FromTheTasks()
    {
        AssertStoreReachableOnlyFrom(stateless.Template(Fargate), "^ServerServiceSecurityGroup");
        AssertStoreReachableOnlyFrom(stateful.Template(Fargate), "^ServerServiceSecurityGroup");
    }

    [Fact]
    public void Tasks_ConnectToTheStore_AtTheCachesEndpoint_OverTls()
    {
        foreach (var assembly in new CloudAssemblyFixture[] { stateless, stateful })
        {
            assembly.Template(Fargate).HasResourceProperties("AWS::ECS::TaskDefinition", Props(("ContainerDefinitions", Match.ArrayWith([Like(
                ("Name", "server"),
                ("Environment", Match.ArrayWith([Props(("Name", "ConnectionStrings__store"), ("Value", StoreConnectionString))])))]))));
        }
    }

    [Fact]
    public void LambdaVariant_ReachesAStoreOfItsOwn_FromAnIsolatedVpc_OverTls()
    {
        var template = stateless.Template(Lambda);
        var isolatedSubnets = new object[] { Ref("^VpcIsolatedSubnet1Subnet"), Ref("^VpcIsolatedSubnet2Subnet") };

        template.ResourceCountIs("AWS::ElastiCache::ServerlessCache", 1);
        template.HasResourceProperties("AWS::ElastiCache::ServerlessCache", Props(
            ("Engine", "valkey"),
            ("ServerlessCacheName", "mcpdemolambda-store"),
            ("SubnetIds", isolatedSubnets),
            ("SecurityGroupIds", new object[] { GroupId("^storeSecurityGroup") })));
        template.HasResourceProperties("AWS::Lambda::Function", Props(
            ("VpcConfig", Props(("SubnetIds", isolatedSubnets), ("SecurityGroupIds", new object[] { GroupId("^ServerSecurityGroup") }))),
            ("Environment", Props(("Variables", Match.ObjectLike(new Dictionary<string, object> { ["ConnectionStrings__store"] = StoreConnectionString }))))));
        AssertStoreReachableOnlyFrom(template, "^ServerSecurityGroup");
        // The function joins the VPC only to reach its store: no NAT gateway to pay for.
        template.ResourceCountIs("AWS::EC2::NatGateway", 0);
    }

    [Fact]
    public void LambdaVariant_RunsUnderTheWebAdapter_BehindAStreamingFunctionUrl()
    {
        var template = stateless.Template(Lambda);

        template.HasResourceProperties("AWS::Lambda::Function", Props(
            ("Runtime", "provided.al2023"),
            ("Handler", "bootstrap"),
            ("MemorySize", 1024),
            ("Timeout", 60),
            ("Environment", Props(("Variables", Match.ObjectLike(new Dictionary<string, object>
            {
                ["AWS_LWA_PORT"] = "8080",
                ["AWS_LWA_READINESS_CHECK_PATH"] = "/health",
                ["AWS_LWA_INVOKE_MODE"] = "response_stream",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:8080",
            }))))));
        template.HasResourceProperties("AWS::Lambda::Url", Props(("AuthType", "NONE"), ("InvokeMode", "RESPONSE_STREAM")));
        template.HasOutput("McpEndpoint", Props(("Value", Match.AnyValue())));
    }

    [Fact]
    public void StatefulServers_GetNoLambdaVariant()
    {
        Assert.False(File.Exists(stateful.TemplatePath(Lambda)));
        Assert.True(File.Exists(stateful.TemplatePath(Fargate)));
    }

    [Fact]
    public void Outputs_NameTheMcpEndpoint()
    {
        stateful.Template(Fargate).HasOutput("McpEndpoint", Props(("Value", "https://mcp.example.com/mcp")));
        stateless.Template(Fargate).HasOutput("McpEndpoint", Props(("Value", Props(("Fn::Join", Match.AnyValue())))));
    }

    /// <summary>
    /// The connection string the servers get: the cache's endpoint, resolved by CloudFormation, with TLS on (the only
    /// way into ElastiCache Serverless) and a client that starts while the cache is unreachable.
    /// </summary>
    private static readonly Dictionary<string, object> StoreConnectionString = Props(("Fn::Join", new object[]
    {
        "",
        new object[] { GetAtt("^storeCache", "Endpoint.Address"), ":", GetAtt("^storeCache", "Endpoint.Port"), ",ssl=true,abortConnect=false" },
    }));

    /// <summary>
    /// The store's security group admits exactly one rule, TCP 6379 from the client's group and no address range, and
    /// carries no rules of its own that could admit anyone else.
    /// </summary>
    private static void AssertStoreReachableOnlyFrom(Template template, string clientGroup)
    {
        template.ResourcePropertiesCountIs("AWS::EC2::SecurityGroupIngress", Props(("GroupId", GroupId("^storeSecurityGroup"))), 1);
        template.HasResourceProperties("AWS::EC2::SecurityGroupIngress", Props(
            ("GroupId", GroupId("^storeSecurityGroup")),
            ("IpProtocol", "tcp"),
            ("FromPort", 6379),
            ("ToPort", 6379),
            ("SourceSecurityGroupId", GroupId(clientGroup)),
            ("CidrIp", Match.Absent()),
            ("CidrIpv6", Match.Absent()),
            ("SourcePrefixListId", Match.Absent())));
        var groupsWithInlineIngress = template.FindResources("AWS::EC2::SecurityGroup", Props(("Properties", Like(("SecurityGroupIngress", Match.AnyValue())))));
        Assert.DoesNotContain(groupsWithInlineIngress.Keys, id => id.StartsWith("storeSecurityGroup", StringComparison.Ordinal));
    }

    private static Dictionary<string, object> Ref(string logicalIdPattern) => Props(("Ref", Match.StringLikeRegexp(logicalIdPattern)));

    private static Dictionary<string, object> GetAtt(string logicalIdPattern, string attribute) =>
        Props(("Fn::GetAtt", new object[] { Match.StringLikeRegexp(logicalIdPattern), attribute }));

    private static Dictionary<string, object> GroupId(string securityGroupPattern) => GetAtt(securityGroupPattern, "GroupId");

    // Nested objects match exactly unless wrapped: a container definition has many more keys than a test pins.
    private static Matcher Like(params (string Key, object Value)[] entries) => Match.ObjectLike(Props(entries));

    private static Dictionary<string, object> Props(params (string Key, object Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value);
}
