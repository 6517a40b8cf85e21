using Api.Bench;
using Bench.Shared;
using Spectre.Console;

// A dispatcher only: each scenario lives in its own file and starts what it needs.
if (!BenchOptions.TryParse(args, out var options, out var usage))
{
    Console.Error.WriteLine(usage);
    return 2;
}

// Redirected to a file, Spectre.Console assumes 80 columns and wraps the tables into unreadable cells.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 160;
}

using var cancellation = new CancellationTokenSource();
using var signals = StopSignals.Register(cancellation);
try
{
    var failed = false;
    if (options.Scenario is "page" or "all")
    {
        failed |= !await PageScenario.RunAsync(options, cancellation.Token);
    }

    return failed ? 1 : 0;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    AnsiConsole.MarkupLine("[yellow]Stopped by a signal; everything the benchmark started was stopped too.[/]");
    return 130;
}
