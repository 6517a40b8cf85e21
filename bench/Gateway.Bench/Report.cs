using System.Globalization;
using Gateway.Bench.Load;
using Gateway.Bench.Processes;
using Spectre.Console;

namespace Gateway.Bench;

/// <summary>What the benchmark prints as it goes.</summary>
internal static class Report
{
    public static void Header(BenchOptions options)
    {
        if (Console.IsOutputRedirected)
        {
            // A pipe or file gets plain text, and 160 columns: 80 are too narrow for the tables.
            AnsiConsole.Profile.Width = 160;
            AnsiConsole.Profile.Capabilities.Ansi = false;
            AnsiConsole.Profile.Capabilities.ColorSystem = ColorSystem.NoColors;
        }

        AnsiConsole.MarkupLine("[bold]Gateway overhead benchmark[/]: stub direct, nginx -> stub, gateway -> stub");
        Line($"Machine:  {Machine.Describe()}");
        Line($"Command:  {options.CommandLine}");
        Line($"Gateway:  {GatewayProcess.AssemblyPath}");
        Line($"Load:     latency {options.Rate} requests/s open loop, {options.LatencySeconds} s per target after {options.WarmupSeconds} s warm-up; "
            + $"throughput wrk -t{options.Threads} -c{options.Connections}, {options.ThroughputSeconds} s after {options.WarmupSeconds} s warm-up; "
            + $"streaming {options.StreamRequests} sequential requests per target");
    }

    public static void Started(StubProcess stub, NginxProcess nginx, GatewayProcess gateway, bool clientKeys)
    {
        Line($"Stub:     pid {stub.Pid} at {stub.BaseAddress} ({StubReplySize()} bytes a reply)");
        Line($"nginx:    pids {string.Join(' ', nginx.Pids)} at {nginx.BaseAddress} (worker_processes auto, upstream keepalive 64)");
        Line($"Gateway:  pid {gateway.Pid} at {gateway.BaseAddress}, Production, log level Warning, OTLP export off (no OTEL_EXPORTER_OTLP_ENDPOINT), "
            + $"RSS after start {Mb(ProcFs.Memory(gateway.Pid).Rss)} MB");
        if (clientKeys)
        {
            Line("Client keys: a key made through POST /admin/keys goes with every request (rate limits and ledger on its path)");
        }
        else
        {
            Warning();
        }
    }

    public static void Warning() => AnsiConsole.MarkupLine(
        "[yellow bold]WARNING: client keys not available in this build (POST /admin/keys answered 404): the gateway ran without client keys, rate limits or ledger[/]");

    public static void Progress(LatencyResult result) => Line(
        $"  latency     {result.Target.Name,-8} p50 {Ms(result.Latency.At(0.5))} ms  p99 {Ms(result.Latency.At(0.99))} ms  max {Ms(result.Latency.Max)} ms  failed {result.Failures}  other processes {result.OthersCpu:P0}");

    public static void Progress(StreamResult result) => Line(
        $"  streaming   {result.Target.Name,-8} TTFB p50 {Ms(result.FirstByte.At(0.5))} ms  p99 {Ms(result.FirstByte.At(0.99))} ms  failed {result.Failures}  other processes {result.OthersCpu:P0}");

    public static void Progress(ThroughputResult result) => Line(
        $"  throughput  {result.Target.Name,-8} {N((long)result.Wrk.RequestsPerSecond)} requests/s  errors {result.Wrk.Errors}  "
        + $"proxy CPU {result.ProxyCpuMicrosecondsPerRequest:F1} µs/request  machine busy {result.Cpu.MachineBusy:P0}, other processes {result.Cpu.Others:P0}");

    public static void Line(FormattableString text) => AnsiConsole.WriteLine(text.ToString(CultureInfo.InvariantCulture));

    public static void Line(string text) => AnsiConsole.WriteLine(text);

    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Mb(long bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture);

    public static string Ms(double milliseconds) => milliseconds.ToString("F3", CultureInfo.InvariantCulture);

    private static int StubReplySize() => Stub.StubReplies.Message.Length;
}
