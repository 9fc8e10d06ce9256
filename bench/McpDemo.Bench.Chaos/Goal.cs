namespace McpDemo.Bench.Chaos;

/// <summary>One line of issue 18's goals: what it asks, what the run measured, and whether that meets it (null: not measured).</summary>
internal sealed record Goal(string Fault, string Asks, string Measured, bool? Met)
{
    /// <summary>Prints the goals as a markdown table and returns whether every measured one was met.</summary>
    public static bool Print(IReadOnlyList<Goal> goals)
    {
        Console.WriteLine("| fault | goal | measured | verdict |");
        Console.WriteLine("| --- | --- | --- | --- |");
        foreach (var goal in goals)
        {
            var verdict = goal.Met switch { true => "MET", false => "MISSED", null => "not measured" };
            Console.WriteLine($"| {goal.Fault} | {goal.Asks} | {goal.Measured} | {verdict} |");
        }
        return goals.All(g => g.Met != false);
    }
}
