using System.Diagnostics;

// A stand-in for a real service under the AppHost: it shows the environment it was given, calls the
// services it references, records a graceful stop, and (through ServiceDefaults' parent watcher,
// as every McpDemo service does) exits when the AppHost process is gone.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
var settings = builder.Configuration;
var replicaId = Environment.GetEnvironmentVariable("OTEL_RESOURCE_ATTRIBUTES")?.Split('=').Last() ?? "unknown";

if (settings.GetValue<int?>("exit-after-ms") is { } exitAfter)
{
    // A one-shot job, like the demo client: do the work, then exit with the given code.
    Console.WriteLine($"{replicaId} one-shot job running");
    await Task.Delay(exitAfter);
    return settings.GetValue("exit-code", 0);
}

var app = builder.Build();
var started = Stopwatch.StartNew();
var healthyAfter = TimeSpan.FromMilliseconds(settings.GetValue("health-delay-ms", 0));

// A test can make a running replica fail its health check, and pass it again.
var failing = false;
app.MapGet("/health", () => started.Elapsed >= healthyAfter && !Volatile.Read(ref failing) ? Results.Ok("healthy") : Results.StatusCode(503));
app.MapPost("/health/fail", () => Volatile.Write(ref failing, true));
app.MapPost("/health/pass", () => Volatile.Write(ref failing, false));
app.MapGet("/env", () => new
{
    Pid = Environment.ProcessId,
    Environment = Environment.GetEnvironmentVariables().Keys.Cast<string>()
        .Where(k => k.StartsWith("OTEL_", StringComparison.Ordinal) || k.StartsWith("services__", StringComparison.Ordinal)
            || k.StartsWith("MCPDEMO_", StringComparison.Ordinal) || k == "ASPNETCORE_URLS")
        .ToDictionary(k => k, k => Environment.GetEnvironmentVariable(k)),
});

app.Lifetime.ApplicationStarted.Register(() => _ = CallReferencesAsync());
app.Lifetime.ApplicationStopping.Register(() =>
{
    if (settings["stop-log"] is { } stopLog)
    {
        AppendLine(stopLog, replicaId);
    }
});
if (settings.GetValue("spawn-grandchild", false))
{
    using var grandchild = Process.Start("sleep", "300");
    Console.WriteLine($"grandchild pid {grandchild.Id}");
}

await app.RunAsync();
return 0;

async Task CallReferencesAsync()
{
    using var http = new HttpClient();
    foreach (var (key, url) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
        .Where(e => ((string)e.Key).StartsWith("services__", StringComparison.Ordinal))
        .Select(e => ((string)e.Key, (string)e.Value!)))
    {
        var status = await http.GetAsync(new Uri(new Uri(url), "/health"));
        Console.WriteLine($"reference {key} answered {(int)status.StatusCode}");
    }
}

// Replicas stop together and share the log: an exclusive open keeps one's line from overwriting another's.
static void AppendLine(string path, string line)
{
    for (var attempt = 0; ; attempt++)
    {
        try
        {
            using var log = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None);
            log.Write(System.Text.Encoding.UTF8.GetBytes(line + Environment.NewLine));
            return;
        }
        catch (IOException) when (attempt < 100)
        {
            Thread.Sleep(10);
        }
    }
}
