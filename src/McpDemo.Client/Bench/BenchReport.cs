using System.Globalization;
using Spectre.Console;

namespace McpDemo.Client.Bench;

/// <summary>The figures of a finished bench run.</summary>
internal sealed record BenchReport(BenchMode Mode, int Workers, TimeSpan Elapsed, int Succeeded, int Failed, LatencySummary Latency)
{
    /// <summary>How many failure messages the report lists.</summary>
    private const int ErrorsShown = 5;

    /// <summary>Successful calls per second of wall-clock time.</summary>
    public double Throughput => Elapsed > TimeSpan.Zero ? Succeeded / Elapsed.TotalSeconds : 0;

    public static BenchReport From(BenchMode mode, int workers, TimeSpan elapsed, BenchRecorder recorder) =>
        new(mode, workers, elapsed, recorder.Succeeded, recorder.Failed, LatencySummary.From(recorder.LatenciesMs));

    /// <summary>Prints the figures as a table, then as one line for scripts, then the most frequent failures.</summary>
    public void Print(IAnsiConsole console, BenchRecorder recorder)
    {
        var table = new Table().Title("Bench results").AddColumn("Metric").AddColumn(new TableColumn("Value").RightAligned())
            .AddRow("mode", Mode.ToString().ToLowerInvariant())
            .AddRow("workers", Format(Workers))
            .AddRow("elapsed", $"{Elapsed.TotalSeconds:F1} s")
            .AddRow("calls ok", Format(Succeeded))
            .AddRow("errors", Format(Failed))
            .AddRow("throughput", $"{Throughput:F1} calls/s")
            .AddRow("p50", Milliseconds(Latency.P50))
            .AddRow("p90", Milliseconds(Latency.P90))
            .AddRow("p99", Milliseconds(Latency.P99))
            .AddRow("max", Milliseconds(Latency.Max));
        console.Write(table);
        console.WriteLine(
            $"throughput={Throughput:F1}/s calls={Succeeded} errors={Failed} p50={Latency.P50:F2}ms p90={Latency.P90:F2}ms p99={Latency.P99:F2}ms max={Latency.Max:F2}ms");
        if (Failed > 0)
        {
            var errors = new Table().Title("Most frequent errors").AddColumn(new TableColumn("Count").RightAligned()).AddColumn("Error");
            foreach (var (message, count) in recorder.Errors.Take(ErrorsShown))
            {
                errors.AddRow(Format(count), Markup.Escape(message));
            }
            console.Write(errors);
        }
    }

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Milliseconds(double value) => $"{value:F2} ms";
}
