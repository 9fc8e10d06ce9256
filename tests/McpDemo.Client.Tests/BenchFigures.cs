using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace McpDemo.Client.Tests;

/// <summary>The figures of a bench run, read from its one-line summary.</summary>
internal sealed partial record BenchFigures(double Throughput, int Calls, int Errors, double P50, double P90, double P99, double Max)
{
    public static BenchFigures Parse(ClientRun run)
    {
        var match = Summary().Match(run.Output);
        Assert.True(match.Success, $"No bench summary line in:\n{run.Output}");
        double Number(string name) => double.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
        var figures = new BenchFigures(
            Number("throughput"), (int)Number("calls"), (int)Number("errors"), Number("p50"), Number("p90"), Number("p99"), Number("max"));
        Assert.True(figures.P50 <= figures.P90 && figures.P90 <= figures.P99 && figures.P99 <= figures.Max, run.Output);
        return figures;
    }

    [GeneratedRegex(@"throughput=(?<throughput>[\d.]+)/s calls=(?<calls>\d+) errors=(?<errors>\d+) p50=(?<p50>[\d.]+)ms p90=(?<p90>[\d.]+)ms p99=(?<p99>[\d.]+)ms max=(?<max>[\d.]+)ms")]
    private static partial Regex Summary();
}
