using System.Runtime.InteropServices;

namespace Bench.Shared;

/// <summary>
/// Turns SIGINT, SIGTERM, SIGQUIT and SIGHUP into a cancellation instead of an immediate exit, which would leave what a
/// benchmark started running (.NET's default exit on SIGTERM does not run the code that stops it). Compiled into each bench.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly PosixSignalRegistration[] _registrations;

    private StopSignals(CancellationTokenSource cancellation)
    {
        _registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT, PosixSignal.SIGHUP }
            .Select(signal => PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                cancellation.Cancel();
            }))];
    }

    public static StopSignals Register(CancellationTokenSource cancellation) => new(cancellation);

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }
}
