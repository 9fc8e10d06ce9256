using McpDemo.Testing;

namespace McpDemo.Publishing.Tests;

/// <summary>The repository's cfn-guard policy (eng/policy), run over templates as the publishing tests write them.</summary>
internal static class Policy
{
    /// <summary>cfn-guard's exit code and output for <paramref name="templates"/>: 0 when every rule passes.</summary>
    public static async Task<(int ExitCode, string Output)> ValidateAsync(params string[] templates)
    {
        string[] args = ["validate", "--rules", TestTools.PolicyDirectory, "--show-summary", "fail", .. templates.SelectMany(t => new[] { "--data", t })];
        await using var guard = TestProcess.Start(TestTools.CfnGuard, args);
        var exitCode = await guard.WaitForExitAsync(TimeSpan.FromMinutes(1));
        return (exitCode, guard.Output);
    }

    /// <summary>Writes <paramref name="template"/> as <c>{name}.template.json</c> in <paramref name="directory"/>; returns its path.</summary>
    public static async Task<string> WriteTemplateAsync(TemporaryDirectory directory, string name, string template)
    {
        var path = Path.Combine(directory.Path, $"{name}.template.json");
        await File.WriteAllTextAsync(path, template);
        return path;
    }
}
