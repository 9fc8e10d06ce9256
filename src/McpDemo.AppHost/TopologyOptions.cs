using System.Globalization;
using System.Net;
using System.Net.Sockets;
using McpDemo.Hosting;
using Microsoft.Extensions.Configuration;

namespace McpDemo.AppHost;

/// <summary>
/// The topology the AppHost runs: <c>--mode stateless|stateful</c>, <c>--replicas N</c>, <c>--gateways N</c>,
/// <c>--store garnet|none</c>, <c>--auth oauth|apikey|none</c>, <c>--gateway-port N</c> and <c>--server-binary PATH</c>,
/// read from the AppHost's configuration (Aspire puts the command line there) and checked before anything starts.
/// Everything else on the command line is Aspire's to read.
/// </summary>
/// <param name="SessionMode">How the servers keep sessions.</param>
/// <param name="Replicas">How many server replicas run.</param>
/// <param name="Gateways">How many gateways run.</param>
/// <param name="HasStore">Whether the shared store runs.</param>
/// <param name="GatewayPort">The first gateway's port.</param>
/// <param name="Auth">How callers prove who they are.</param>
/// <param name="ServerBinary">
/// A published McpDemo.Server (NativeAOT or ReadyToRun) the replicas run, or <see langword="null"/> to run its build output.
/// </param>
internal sealed record TopologyOptions(
    McpServerSessionMode SessionMode, int Replicas, int Gateways, bool HasStore, int GatewayPort, AuthMode Auth, string? ServerBinary = null)
{
    /// <summary>The exit code of a bad command line.</summary>
    public const int UsageExitCode = 2;

    private const int MaxReplicas = ProjectReplicaSetExtensions.MaxReplicas;

    /// <summary>Whether the servers keep legacy sessions.</summary>
    public bool IsStateful => SessionMode == McpServerSessionMode.Stateful;

    /// <summary>
    /// Reads the topology from <paramref name="configuration"/>, or returns the one line that says what is wrong and
    /// how to run instead. <paramref name="isRunMode"/> says whether the app runs here, where nothing may listen on the
    /// gateway port yet, or is published, which binds nothing but must not deploy an endpoint without auth.
    /// </summary>
    public static TopologyOptions? Read(IConfiguration configuration, bool isRunMode, out string? error)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        error = Problem(configuration, isRunMode, out var options) is { } problem
            ? $"error: {problem} Run with --mode stateless|stateful, --replicas 1..{MaxReplicas}, --gateways 1..{MaxReplicas}, --store garnet|none, --auth oauth|apikey|none, --gateway-port 1..65535, --server-binary PATH."
            : null;
        return options;
    }

    private static string? Problem(IConfiguration configuration, bool isRunMode, out TopologyOptions? options)
    {
        options = null;
        var mode = configuration["mode"] ?? "stateless";
        if (mode is not ("stateless" or "stateful"))
        {
            return $"--mode must be stateless or stateful, not '{mode}'.";
        }
        if (WholeNumber(configuration, "replicas", "3", 1, MaxReplicas, out var replicas) is { } badReplicas)
        {
            return badReplicas;
        }
        if (WholeNumber(configuration, "gateways", "1", 1, MaxReplicas, out var gateways) is { } badGateways)
        {
            return badGateways;
        }
        var store = configuration["store"] ?? "garnet";
        if (store is not ("garnet" or "none"))
        {
            return $"--store must be garnet or none, not '{store}'.";
        }
        var auth = configuration["auth"] ?? "oauth";
        if (auth is not ("oauth" or "apikey" or "none"))
        {
            return $"--auth must be oauth, apikey or none, not '{auth}'.";
        }
        if (auth == "none" && !isRunMode)
        {
            // Locally everything listens on loopback; deployed, an endpoint without auth is open to whoever finds it.
            return "--auth none is for a topology on this machine only; publish with --auth oauth or apikey.";
        }
        if (WholeNumber(configuration, "gateway-port", "8080", 1, 65535, out var port) is { } badPort)
        {
            return badPort;
        }
        if (isRunMode && !IsFree(port))
        {
            return $"the gateway port {port} is in use; stop what listens there or pick another with --gateway-port N.";
        }
        var serverBinary = configuration["server-binary"];
        if (serverBinary is not null && !isRunMode)
        {
            return "--server-binary runs replicas on this machine; a published app builds its own.";
        }
        if (serverBinary is not null && !File.Exists(serverBinary))
        {
            return $"--server-binary names no file: '{serverBinary}'. Publish the server there first (docs/configuration.md).";
        }
        var sessionMode = mode == "stateful" ? McpServerSessionMode.Stateful : McpServerSessionMode.Stateless;
        var authMode = auth switch { "apikey" => AuthMode.ApiKey, "none" => AuthMode.None, _ => AuthMode.OAuth };
        options = new TopologyOptions(sessionMode, replicas, gateways, store == "garnet", port, authMode, serverBinary);
        return null;
    }

    private static string? WholeNumber(IConfiguration configuration, string key, string fallback, int min, int max, out int value)
    {
        var text = configuration[key] ?? fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max
            ? null
            : $"--{key} must be a whole number from {min} to {max}, not '{text}'.";
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
