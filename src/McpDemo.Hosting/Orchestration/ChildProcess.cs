using System.Diagnostics;

namespace McpDemo.Hosting.Orchestration;

/// <summary>
/// One running replica process: output streamed line by line, a graceful stop (SIGTERM, then a
/// tree kill after the grace period), and no descendants left behind.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    // A new session keeps the terminal's Ctrl+C away from children: the AppHost stops them itself, in order.
    private const string NewSession = "/usr/bin/setsid";
    private static readonly TimeSpan OutputDrainTimeout = TimeSpan.FromSeconds(2);

    private readonly Process _process;

    private ChildProcess(Process process, Task<int> exited)
    {
        _process = process;
        Exited = exited;
    }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>
    /// Completes with the exit code once the process has exited and its output is drained; the drain is
    /// bounded, because a grandchild that inherited the pipes may hold them open long after.
    /// </summary>
    public Task<int> Exited { get; }

    /// <summary>Starts the replica described by <paramref name="plan"/>.</summary>
    public static ChildProcess Start(ReplicaPlan plan, Action<string, bool> onLine)
    {
        var useNewSession = File.Exists(NewSession);
        var info = new ProcessStartInfo(useNewSession ? NewSession : plan.FileName)
        {
            WorkingDirectory = plan.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        if (useNewSession)
        {
            info.ArgumentList.Add(plan.FileName);
        }
        foreach (var argument in plan.Arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in plan.Environment)
        {
            info.Environment[name] = value;
        }
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var exited = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.Exited += (_, _) => exited.TrySetResult(process.ExitCode);
        process.OutputDataReceived += (_, e) => Forward(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => Forward(e.Data, isError: true);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(process, ExitCodeAsync(process, exited.Task));

        void Forward(string? line, bool isError)
        {
            if (line is not null)
            {
                onLine(line, isError);
            }
        }
    }

    /// <summary>Sends SIGTERM, waits up to <paramref name="gracePeriod"/>, then kills the tree; finally kills leftover descendants.</summary>
    public async Task StopAsync(TimeSpan gracePeriod)
    {
        var descendants = ProcessTree.IsAlive(Id) ? ProcessTree.Descendants(Id) : [];
        ProcessTree.Terminate(Id);
        if (await Task.WhenAny(Exited, Task.Delay(gracePeriod)) != Exited)
        {
            Kill();
        }
        await Exited;
        // A child that exits gracefully can still leave its own children running, re-parented away from us.
        foreach (var pid in descendants.Where(ProcessTree.IsAlive))
        {
            ProcessTree.Kill(pid);
        }
    }

    /// <summary>Kills the process and its whole tree at once.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    public void Dispose() => _process.Dispose();

    private static async Task<int> ExitCodeAsync(Process process, Task<int> exited)
    {
        var exitCode = await exited;
        try
        {
            await process.WaitForExitAsync().WaitAsync(OutputDrainTimeout);
        }
        catch (TimeoutException)
        {
            // Someone else holds the output pipes; the lines so far are all we will forward.
        }
        return exitCode;
    }
}
