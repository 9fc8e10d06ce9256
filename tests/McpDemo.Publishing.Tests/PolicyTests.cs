using System.Text.Json.Nodes;
using McpDemo.Testing;

namespace McpDemo.Publishing.Tests;

[Collection(CdkCollection.Name)]
public sealed class PolicyTests(StatelessCloudAssembly stateless, StatefulCloudAssembly stateful) : IDisposable
{
    private readonly TempDirectory _temp = new();

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
        var broken = Path.Combine(_temp.Path, "broken.template.json");
        await File.WriteAllTextAsync(broken, template.ToJsonString());

        var (exitCode, output) = await GuardAsync(broken);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("log_groups_have_retention", output, StringComparison.Ordinal);
        Assert.Contains("tasks_reachable_only_from_load_balancer", output, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private static async Task<(int ExitCode, string Output)> GuardAsync(params string[] templates)
    {
        string[] args = ["validate", "--rules", TestTools.PolicyDirectory, "--show-summary", "fail", .. templates.SelectMany(t => new[] { "--data", t })];
        await using var guard = TestProcess.Start(TestTools.CfnGuard, args);
        var exitCode = await guard.WaitForExitAsync(TimeSpan.FromMinutes(1));
        return (exitCode, guard.Output);
    }
}
