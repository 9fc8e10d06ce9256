using System.Net;
using Yarp.ReverseProxy.Forwarder;

// YARP's forwarder and nothing of ours: round-robin over the replicas the gateway is given (services:server:http),
// over HTTP/1.1 as the gateway forwards, with no route or cluster model, no health checks, affinity, failover,
// transforms or logging. eng/bench-gateway.sh runs it beside the gateway: what the gateway loses against it is
// ours to win back; what it loses against a replica called directly is the cost of a YARP hop on this machine.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddHttpForwarder();
var app = builder.Build();

var replicas = app.Configuration.GetSection("services:server:http").GetChildren().Select(replica => replica.Value!).ToArray();
if (replicas.Length == 0)
{
    await Console.Error.WriteLineAsync("No replicas: set services__server__http__0, __1, ... to their addresses.");
    return 1;
}

var forwarder = app.Services.GetRequiredService<IHttpForwarder>();
using var client = new HttpMessageInvoker(new SocketsHttpHandler
{
    UseProxy = false,
    AllowAutoRedirect = false,
    AutomaticDecompression = DecompressionMethods.None,
    UseCookies = false,
    ActivityHeadersPropagator = null,
});
var requestConfig = new ForwarderRequestConfig { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
var calls = 0;
app.Map("/mcp", async context =>
{
    var replica = replicas[(uint)Interlocked.Increment(ref calls) % replicas.Length];
    await forwarder.SendAsync(context, replica, client, requestConfig, HttpTransformer.Empty);
});

await app.RunAsync();
return 0;
