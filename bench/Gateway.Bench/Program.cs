using Bench.Shared;
using Gateway.Bench;
using Gateway.Bench.Stub;
using Spectre.Console;

// The same binary is the stub upstream, run as its own process so its CPU is apart from the client's.
if (args is ["stub", var port])
{
    await StubServer.RunAsync(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}

if (!BenchOptions.TryParse(args, out var options, out var usage))
{
    Console.Error.WriteLine(usage);
    return 2;
}

// Ctrl+C, kill, a closed terminal: unwind through DisposeAsync, which stops the stub, nginx, the gateway and Redis.
using var cancellation = new CancellationTokenSource();
using var signals = StopSignals.Register(cancellation);
try
{
    return await BenchRun.RunAsync(options, cancellation.Token);
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    AnsiConsole.MarkupLine("[yellow]Stopped by a signal; everything the benchmark started was stopped too.[/]");
    return 130;
}
