using System.Globalization;
using McpDemo.Bench.Chaos;
using McpDemo.Testing;

// eng/chaos.sh runs `chaos`; eng/soak.sh runs `soak SECONDS`. Exit 0 when every measured goal is met, 1 when one is
// missed, 2 on a bad command line.
if (args is not (["chaos"] or ["soak", _]) || (args[0] == "soak" && !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
{
    Console.Error.WriteLine("usage: McpDemo.Bench.Chaos chaos | soak SECONDS");
    return 2;
}
// Both runs end by waiting for the replicas' idle legacy sessions to expire, so they give them a short idle timeout.
Afterwards.ShortenIdleTimeout();
Console.WriteLine("Starting the AppHost: --mode stateful --replicas 3 --gateways 2 --store garnet --auth apikey" +
    (McpServerProcess.NativeServerBinary is { } binary ? $" --server-binary {binary}" : ""));
await using var topology = await Topology.StartAsync();
Console.WriteLine($"Gateways: {string.Join(", ", topology.Gateways)}");
var met = args[0] == "chaos"
    ? await new ChaosRun(topology).RunAsync()
    : await new SoakRun(topology, TimeSpan.FromSeconds(int.Parse(args[1], CultureInfo.InvariantCulture))).RunAsync();
Console.WriteLine(met ? "Every measured goal MET." : "A goal was MISSED.");
return met ? 0 : 1;
