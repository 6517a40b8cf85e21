using Bench.Shared;
using Dashboard.Bench;
using Spectre.Console;

if (!BenchOptions.TryParse(args, out var options, out var usage))
{
    Console.Error.WriteLine(usage);
    return 2;
}

// Ctrl+C, kill, a closed terminal: unwind through the dashboards' DisposeAsync, which stops them.
using var cancellation = new CancellationTokenSource();
using var signals = StopSignals.Register(cancellation);

var flood = Flood.Generate(options);
Report.Header(options, flood);
try
{
    var grpc = await IngestRun.RunAsync(grpc: true, flood, options, cancellation.Token);
    var http = await IngestRun.RunAsync(grpc: false, flood, options, cancellation.Token);
    return Summary.Print([grpc, http]);
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    AnsiConsole.MarkupLine("[yellow]Stopped by a signal; the dashboard was stopped too.[/]");
    return 130;
}
