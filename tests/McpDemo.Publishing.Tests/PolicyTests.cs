using System.Text.Json.Nodes;
using McpDemo.Testing;

namespace McpDemo.Publishing.Tests;

[Collection(CdkCollection.Name)]
public sealed class PolicyTests(StatelessCloudAssembly stateless, StatefulCloudAssembly stateful) : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    [Fact]
    public async Task StatelessTemplates_PassThePolicy()
    {
        var (exitCode, output) = await GuardAsync(stateless.TemplatePath("McpDemoFargate"), stateless.TemplatePath("McpDemoLambda"));

        Assert.True(exitCode == 0, $"cfn-guard found violations:\n{output}");
    }

    [Fact]
    public async Task StatefulTemplate_PassesThePolicy()
    {
        var (exitCode, output) = await GuardAsync(stateful.TemplatePath("McpDemoFargate"));

        Assert.True(exitCode == 0, $"cfn-guard found violations:\n{output}");
    }

    [Fact]
    public async Task Policy_RejectsATemplateThatBreaksIt()
    {
        // The same template, with a log group that keeps logs forever and tasks open to the internet.
        var template = JsonNode.Parse(await File.ReadAllTextAsync(stateful.TemplatePath("McpDemoFargate")))!;
        foreach (var (_, resource) in template["Resources"]!.AsObject())
        {
            switch ((string?)resource!["Type"])
            {
                case "AWS::Logs::LogGroup":
                    resource["Properties"]!.AsObject().Remove("RetentionInDays");
                    break;
                case "AWS::EC2::SecurityGroupIngress":
                    resource["Properties"]!["CidrIp"] = "0.0.0.0/0";
                    break;
            }
        }
        var broken = await WriteAsync("broken", template.ToJsonString());

        var (exitCode, output) = await GuardAsync(broken);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("log_groups_have_retention", output, StringComparison.Ordinal);
        Assert.Contains("tasks_reachable_only_from_load_balancer", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("McpDemoFargate", "task_connection_strings_use_tls")]
    [InlineData("McpDemoLambda", "function_connection_strings_use_tls")]
    public async Task Policy_RejectsAStoreOpenToTheInternet_AndAConnectionWithoutTls(string stack, string tlsRule)
    {
        // The same template, with each cache's security group open to the internet on the cache port and the
        // servers' connection strings in plain text.
        var template = JsonNode.Parse(await File.ReadAllTextAsync(stateless.TemplatePath(stack)))!;
        var resources = template["Resources"]!.AsObject();
        var caches = resources.Where(r => (string?)r.Value!["Type"] == "AWS::ElastiCache::ServerlessCache").ToList();
        Assert.NotEmpty(caches);
        foreach (var (_, cache) in caches)
        {
            foreach (var group in cache!["Properties"]!["SecurityGroupIds"]!.AsArray())
            {
                resources[(string)group!["Fn::GetAtt"]![0]!]!["Properties"]!["SecurityGroupIngress"] =
                    JsonNode.Parse("""[{ "CidrIp": "0.0.0.0/0", "IpProtocol": "tcp", "FromPort": 6379, "ToPort": 6379 }]""");
            }
        }
        var plainText = template.ToJsonString().Replace(",ssl=true", "", StringComparison.Ordinal);
        var broken = await WriteAsync($"{stack}-broken", plainText);

        var (exitCode, output) = await GuardAsync(broken);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("stores_reachable_only_from_security_groups", output, StringComparison.Ordinal);
        Assert.Contains(tlsRule, output, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private Task<string> WriteAsync(string name, string template) => Policy.WriteTemplateAsync(_temp, name, template);

    private static Task<(int ExitCode, string Output)> GuardAsync(params string[] templates) => Policy.ValidateAsync(templates);
}
