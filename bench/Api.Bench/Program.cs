using Api.Bench;
using Bench.Shared;

// A dispatcher only: each scenario parses its own options and prints its own table.
var scenario = args is ["--scenario", var name, ..] ? name : "all";
var rest = args is ["--scenario", _, .. var tail] ? tail : args;
using var cancellation = new CancellationTokenSource();
using var signals = StopSignals.Register(cancellation);
try
{
    return scenario switch
    {
        "batch" or "all" => await BatchScenario.RunAsync(rest, cancellation.Token),
        _ => Usage(),
    };
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    Console.Error.WriteLine("Stopped by a signal; the Api, PostgreSQL and Redis the benchmark started were stopped too.");
    return 130;
}

static int Usage()
{
    Console.Error.WriteLine("Usage: dotnet run -c Release --project bench/Api.Bench -- [--scenario batch|all] [scenario options]");
    return 2;
}
