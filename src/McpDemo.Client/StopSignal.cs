using System.Runtime.InteropServices;

namespace McpDemo.Client;

/// <summary>
/// Turns the first Ctrl+C or SIGTERM into a cancellation the commands observe, so a loop or a watch
/// ends by printing its summary; a second signal terminates the process as usual.
/// </summary>
internal sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly PosixSignalRegistration[] _registrations;

    public StopSignal()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    /// <summary>Cancelled when the process is asked to stop.</summary>
    public CancellationToken Token => _stopping.Token;

    /// <summary>Asks the commands to stop, as a signal would (e.g. when the parent process is gone).</summary>
    public void Stop() => _stopping.Cancel();

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
        _stopping.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }
        context.Cancel = true;
        _stopping.Cancel();
    }
}
