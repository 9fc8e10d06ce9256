using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace McpDemo.AppHost;

/// <summary>
/// The AppHost's own arguments, <c>--mode stateless|stateful</c>, <c>--replicas N</c>, <c>--gateways N</c>,
/// <c>--store garnet|none</c> and <c>--gateway-port N</c>, checked before Aspire starts: a bad value, an unknown option
/// or a taken port is one clear line and exit code 2. Aspire reads the same arguments as configuration (<c>mode</c>,
/// <c>replicas</c>, ...).
/// </summary>
internal sealed record TopologyArguments(bool IsStateful, int Replicas, int Gateways, bool HasStore, int GatewayPort)
{
    /// <summary>The exit code of a bad command line.</summary>
    public const int UsageExitCode = 2;

    private const int MaxReplicas = McpDemo.Hosting.ProjectReplicaSetExtensions.MaxReplicas;

    /// <summary>
    /// Options Aspire itself and the <c>publish-aws-cdk</c> step read; anything else spelled <c>--name</c>, unless
    /// it is a configuration key such as <c>--Parameters:mcp-api-key=...</c>, is a typo.
    /// </summary>
    private static readonly HashSet<string> s_passedThrough = new(StringComparer.Ordinal)
    {
        "--operation", "--publisher", "--output-path", "--step", "--log-level", "--clear-cache", "--list-steps",
        "--include-exception-details", "--environment", "--dcp-cli-path", "--dcp-container-runtime", "--dcp-dashboard-path",
        "--dcp-dependency-check-timeout", "--certificate-arn", "--domain-name", "--image", "--lambda-adapter-layer-arn",
    };

    /// <summary>The session mode as the server's <c>--Mcp:SessionMode</c> spells it.</summary>
    public string SessionMode => IsStateful ? "Stateful" : "Stateless";

    /// <summary>Reads <paramref name="args"/>; on a bad one writes one line to stderr and returns null.</summary>
    public static TopologyArguments? Parse(string[] args)
    {
        var error = TryParse(args, out var parsed);
        if (error is not null)
        {
            Console.Error.WriteLine(
                $"error: {error} Run with --mode stateless|stateful, --replicas 1..{MaxReplicas}, --gateways 1..{MaxReplicas}, --store garnet|none, --gateway-port 1..65535.");
            return null;
        }
        return parsed;
    }

    private static string? TryParse(string[] args, out TopologyArguments? parsed)
    {
        parsed = null;
        string mode = "stateless", replicas = "3", gateways = "1", store = "garnet", gatewayPort = "8080";
        var isRun = true;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                return $"unexpected argument '{arg}'.";
            }
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];
            string? NextValue() => equals >= 0 ? arg[(equals + 1)..] : i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            switch (name)
            {
                case "--mode":
                    mode = NextValue() ?? "";
                    break;
                case "--replicas":
                    replicas = NextValue() ?? "";
                    break;
                case "--gateways":
                    gateways = NextValue() ?? "";
                    break;
                case "--store":
                    store = NextValue() ?? "";
                    break;
                case "--gateway-port":
                    gatewayPort = NextValue() ?? "";
                    break;
                case "--operation":
                    isRun = NextValue() is null or "run";
                    break;
                case var _ when name.Contains(':', StringComparison.Ordinal) || s_passedThrough.Contains(name):
                    // A flag (--clear-cache) has no value; a following token that is not an option is this one's.
                    _ = NextValue();
                    if (name == "--publisher")
                    {
                        isRun = false;
                    }
                    break;
                default:
                    return $"unknown option '{name}'.";
            }
        }
        if (mode is not ("stateless" or "stateful"))
        {
            return $"--mode must be stateless or stateful, not '{mode}'.";
        }
        if (!int.TryParse(replicas, NumberStyles.None, CultureInfo.InvariantCulture, out var replicaCount) || replicaCount is < 1 or > MaxReplicas)
        {
            return $"--replicas must be a whole number from 1 to {MaxReplicas}, not '{replicas}'.";
        }
        if (!int.TryParse(gateways, NumberStyles.None, CultureInfo.InvariantCulture, out var gatewayCount) || gatewayCount is < 1 or > MaxReplicas)
        {
            return $"--gateways must be a whole number from 1 to {MaxReplicas}, not '{gateways}'.";
        }
        if (store is not ("garnet" or "none"))
        {
            return $"--store must be garnet or none, not '{store}'.";
        }
        if (!int.TryParse(gatewayPort, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return $"--gateway-port must be a whole number from 1 to 65535, not '{gatewayPort}'.";
        }
        if (isRun && !IsFree(port))
        {
            return $"the gateway port {port} is in use; stop what listens there or pick another with --gateway-port N.";
        }
        parsed = new TopologyArguments(mode == "stateful", replicaCount, gatewayCount, store == "garnet", port);
        return null;
    }

    /// <summary>Whether nothing listens on <paramref name="port"/> on loopback, where the first gateway binds.</summary>
    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
