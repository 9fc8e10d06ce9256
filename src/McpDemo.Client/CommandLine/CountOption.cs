using System.CommandLine;

namespace McpDemo.Client.CommandLine;

/// <summary>An option holding a count: a whole number of at least one.</summary>
internal sealed class CountOption : Option<int>
{
    public CountOption(string name, string description, int defaultValue, params string[] aliases)
        : base(name, aliases)
    {
        Description = description;
        HelpName = "n";
        DefaultValueFactory = _ => defaultValue;
        Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is var count and < 1)
            {
                result.AddError($"{name} must be at least 1; got {count}.");
            }
        });
    }
}
