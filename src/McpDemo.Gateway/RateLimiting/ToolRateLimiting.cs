using System.Diagnostics.Metrics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using McpDemo.Gateway.Auth;
using McpDemo.Gateway.Mcp;
using McpDemo.Guards;
using McpDemo.ServiceDefaults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using StackExchange.Redis;

namespace McpDemo.Gateway.RateLimiting;

/// <summary>
/// The gateway's rate-limiter policy (<see cref="PolicyName"/>, on the MCP route): ASP.NET Core rate limiting with a
/// fixed-window partition per client and tool, sized by <see cref="ToolRateLimitOptions"/>. A call past its limit is
/// answered 429 with <c>Retry-After</c> and a JSON-RPC error, and counted in <see cref="RejectionsMetric"/>.
/// </summary>
internal static class ToolRateLimiting
{
    /// <summary>The policy name the MCP route refers to.</summary>
    public const string PolicyName = "mcp-tools";

    /// <summary>The connection string of the store the limits are counted in: Aspire's name for the <c>store</c> resource.</summary>
    public const string StoreConnectionName = "store";

    /// <summary>The counter of calls refused for their tool's limit, by tool.</summary>
    public const string RejectionsMetric = "mcpdemo.gateway.rate_limit.rejections";

    /// <summary>
    /// Registers the policy, sized by <see cref="GatewayOptions.RateLimits"/>, counted in the store when
    /// <c>ConnectionStrings:store</c> names one (<see cref="RateLimitStore"/>) and per instance otherwise.
    /// </summary>
    public static IHostApplicationBuilder AddToolRateLimiting(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(StoreConnectionName)))
        {
            builder.AddRedisClient(StoreConnectionName,
                settings =>
                {
                    // The gateway serves without the store (limits fall back to per instance): it must not turn unhealthy.
                    settings.DisableHealthChecks = true;
                    settings.DisableTracing = string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
                },
                options =>
                {
                    // Start with the store down and keep reconnecting; fail a command at once rather than hold the call.
                    options.AbortOnConnectFail = false;
                    options.BacklogPolicy = BacklogPolicy.FailFast;
                    // Try again within a second of the store's return (the default waits seconds), so limits are
                    // shared across gateways again as soon as they can be.
                    options.ReconnectRetryPolicy = new ExponentialRetry(100, 1000);
                });
            // The client logs each failed reconnect as an error; RateLimitStore says it once per outage.
            builder.Logging.AddFilter("StackExchange.Redis", LogLevel.Critical);
            services.AddSingleton<RateLimitStore>();
        }
        services.AddMetrics();
        services.AddSingleton<RejectionCounter>();
        services.AddRateLimiter(options =>
        {
            options.AddPolicy<ClientTool>(PolicyName, context =>
                Partition(context, context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.RateLimits));
            options.OnRejected = RejectAsync;
        });
        return builder;
    }

    private static RateLimitPartition<ClientTool> Partition(HttpContext context, ToolRateLimitOptions limits)
    {
        if (context.Features.Get<McpRequestFeature>()?.ToolName is not { } tool || limits.For(tool) is not { } limit)
        {
            return RateLimitPartition.GetNoLimiter(default(ClientTool));
        }
        var partition = new ClientTool(CallerKey.Of(context), tool);
        if (context.RequestServices.GetService<RateLimitStore>() is { } store)
        {
            return RateLimitPartition.Get(partition, key => new StoreWindowRateLimiter(key.StoreKey(), limit, store));
        }
        return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var tool = context.Features.Get<McpRequestFeature>()?.ToolName ?? "";
        var services = context.RequestServices;
        services.GetRequiredService<RejectionCounter>().Add(services.GetRequiredService<McpTelemetry>().Bounded(tool));

        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        await JsonRpcRefusal.WriteAsync(context, StatusCodes.Status429TooManyRequests,
            $"Rate limit exceeded for tool '{tool}'; retry after {seconds} s.");
    }

    /// <summary>A rate-limit partition: one client's calls of one tool.</summary>
    private readonly record struct ClientTool(string Client, string Tool)
    {
        /// <summary>
        /// The partition's name in the store, the same on every gateway: a hash, so API keys never reach the store. The
        /// tool's length comes first, so no tool and client pair reads as another.
        /// </summary>
        public string StoreKey() =>
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Tool.Length}:{Tool}:{Client}")));
    }

    /// <summary>The <see cref="RejectionsMetric"/> counter, in McpDemo's meter.</summary>
    internal sealed class RejectionCounter(IMeterFactory meters)
    {
        private readonly Counter<long> _rejections = meters.Create(McpDemoTelemetry.MeterName)
            .CreateCounter<long>(RejectionsMetric, "{call}", "Tool calls the gateway refused because the client was past the tool's rate limit.");

        public void Add(string tool) => _rejections.Add(1, new KeyValuePair<string, object?>(McpTelemetry.ToolAttribute, tool));
    }
}
