using System.Collections.Concurrent;
using System.Diagnostics;

namespace McpDemo.Testing;

/// <summary>
/// A real child process for a test: output captured line by line, waited on for readiness, and
/// killed with its whole tree on dispose so no test leaves processes behind.
/// </summary>
public sealed class TestProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private TestProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Capture(e.Data);
        _process.ErrorDataReceived += (_, e) => Capture(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Raised for each line the process writes to stdout or stderr.</summary>
    public event Action<string>? LineReceived;

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Every line written so far, stdout and stderr interleaved.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>The exit code; only valid once exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <paramref name="fileName"/> with arguments and extra environment variables.</summary>
    public static TestProcess Start(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? workingDirectory = null)
    {
        // Through env(1), which execs it (same pid) with SIGINT and SIGQUIT back to their defaults: a test run started
        // in the background (`eng/test.sh &`) has them ignored, .NET keeps an ignored SIGINT ignored, and the Ctrl+C
        // tests would then wait for a stop that never comes.
        var info = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoLayout.Root,
        };
        info.ArgumentList.Add("--default-signal=INT,QUIT");
        info.ArgumentList.Add(fileName);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        // Children of tests log plainly and never inherit a developer's telemetry endpoint by accident.
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = null;
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[key] = value;
        }
        return new TestProcess(new Process { StartInfo = info, EnableRaisingEvents = true });
    }

    /// <summary>Starts a built .NET project of this repository, e.g. <c>StartProject("src/McpDemo.Server", ...)</c>.</summary>
    public static TestProcess StartProject(
        string projectFolder,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null) =>
        Start("dotnet", [RepoLayout.ProjectDll(projectFolder), .. arguments], environment);

    /// <summary>Polls <paramref name="url"/> until it answers 200, failing with the process output if it exits or times out.</summary>
    public async Task WaitForHttpOkAsync(string url, TimeSpan? timeout = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Process exited with {_process.ExitCode} before {url} was ready:\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{url} was not ready in time:\n{Output}");
    }

    /// <summary>A position in <see cref="Output"/>, to wait for what the process writes after this point.</summary>
    public int OutputMark => Output.Length;

    /// <summary>
    /// Waits until the process has written a line containing <paramref name="text"/> (a console logger writes from a
    /// queue, so a line may follow the event it tells of by a moment), failing with its output if it exits first or
    /// the time runs out. With <paramref name="after"/> (an earlier <see cref="OutputMark"/>), only what it wrote since counts.
    /// </summary>
    public async Task WaitForOutputAsync(string text, TimeSpan? timeout = null, int after = 0)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (Output.IndexOf(text, after, StringComparison.Ordinal) < 0)
        {
            if (_process.HasExited && Output.IndexOf(text, after, StringComparison.Ordinal) < 0)
            {
                throw new InvalidOperationException($"Process exited with {_process.ExitCode} before writing '{text}':\n{Output}");
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The process never wrote '{text}':\n{Output}");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>Waits for the process to exit by itself.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Process {_process.Id} did not exit within {timeout}:\n{Output}");
        }
        return _process.ExitCode;
    }

    /// <summary>Sends <paramref name="signal"/> (e.g. <c>INT</c> for Ctrl+C, <c>TERM</c>, <c>KILL</c>) to the process alone, not its children.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {_process.Id} failed with exit code {kill.ExitCode}.");
        }
    }

    /// <summary>Kills the process tree if it is still running.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        LineReceived?.Invoke(line);
    }
}
