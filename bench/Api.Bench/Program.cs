using Api.Bench;
using Bench.Shared;
using Spectre.Console;

// A dispatcher only: each scenario lives in its own file, parses its own options and starts what it needs.
var scenario = args is ["--scenario", var name, ..] ? name : "all";
var rest = args is ["--scenario", _, .. var tail] ? tail : args;
if (scenario is not ("page" or "batch" or "all") || (scenario == "all" && rest.Length > 0))
{
    Console.Error.WriteLine("usage: Api.Bench --scenario page [page options] | --scenario batch [batch options] | [--scenario all]");
    Console.Error.WriteLine(BenchOptions.Usage);
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
    if (scenario is "page" or "all")
    {
        if (!BenchOptions.TryParse(["--scenario", "page", .. rest], out var options, out var usage))
        {
            Console.Error.WriteLine(usage);
            return 2;
        }

        failed |= !await PageScenario.RunAsync(options, cancellation.Token);
    }

    if (scenario is "batch" or "all")
    {
        failed |= await BatchScenario.RunAsync(rest, cancellation.Token) != 0;
    }

    return failed ? 1 : 0;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    AnsiConsole.MarkupLine("[yellow]Stopped by a signal; everything the benchmark started was stopped too.[/]");
    return 130;
}
