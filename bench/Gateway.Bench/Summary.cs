using System.Globalization;
using Gateway.Bench.Load;
using Gateway.Bench.Processes;
using Spectre.Console;
using static Gateway.Bench.Report;

namespace Gateway.Bench;

/// <summary>The closing tables side by side, the ratios, and the verdict against <see cref="Thresholds"/>: 0 when every check passes.</summary>
internal static class Summary
{
    public static int Print(BenchResult result)
    {
        AnsiConsole.WriteLine();
        AnsiConsole.Write(LatencyTable(result.Latency, result.Options.Rate));
        AnsiConsole.Write(ThroughputTable(result.Throughput));
        AnsiConsole.Write(StreamTable(result.Streams));
        AnsiConsole.Write(MemoryTable(result.Memory));
        Ratios(result.Throughput);
        Line($"Gateway runtime settings: {string.Join(", ", result.GatewaySettings)}");
        Line("Gateway telemetry: OTLP export off (OTEL_EXPORTER_OTLP_ENDPOINT unset); log level Warning");
        if (!result.ClientKeys)
        {
            Warning();
        }

        var disturbed = Disturbed(result);
        var passed = Checks(result);
        Line($"Command: {result.Options.CommandLine}");
        if (passed && disturbed)
        {
            // A pass on a busy machine proves nothing: the targets were not measured under the same conditions.
            AnsiConsole.MarkupLine("[yellow bold]INCONCLUSIVE[/] (every check passed, on a machine other processes kept busy)");
            return 3;
        }

        AnsiConsole.MarkupLine(passed ? "[green bold]PASS[/]" : "[red bold]FAILED[/]");
        return passed ? 0 : 1;
    }

    private static Table LatencyTable(IReadOnlyList<LatencyResult> results, int rate)
    {
        var table = new Table().Title(F($"Latency at {N(rate)} requests/s, open loop, from each request's scheduled send (ms)")).AddColumns(
            "Target", "Requests", "Failed", "p50", "p90", "p99", "p99.9", "Max", "Added p50", "Added p99", "Generator lag p99", "Other processes' CPU");
        var direct = results[0].Latency;
        foreach (var r in results)
        {
            var isDirect = ReferenceEquals(r, results[0]);
            table.AddRow(r.Target.Name, N(r.Latency.Count), N(r.Failures), Ms(r.Latency.At(0.5)), Ms(r.Latency.At(0.9)), Ms(r.Latency.At(0.99)),
                Ms(r.Latency.At(0.999)), Ms(r.Latency.Max),
                isDirect ? "-" : Ms(r.Latency.At(0.5) - direct.At(0.5)), isDirect ? "-" : Ms(r.Latency.At(0.99) - direct.At(0.99)),
                Ms(r.Lag.At(0.99)), F($"{r.OthersCpu:P0}"));
        }

        return table;
    }

    private static Table ThroughputTable(IReadOnlyList<ThroughputResult> results)
    {
        var table = new Table().Title("Maximum throughput (wrk, closed loop)").AddColumns(
            "Target", "Requests/s", "Errors", "wrk p50 ms", "wrk p99 ms", "Proxy CPU µs/request", "Stub CPU µs/request", "Machine CPU busy", "Other processes' CPU");
        foreach (var r in results)
        {
            table.AddRow(r.Target.Name, N((long)r.Wrk.RequestsPerSecond), N(r.Wrk.Errors), Ms(r.Wrk.P50Ms), Ms(r.Wrk.P99Ms),
                r.Target.Name == "direct" ? "-" : F($"{r.ProxyCpuMicrosecondsPerRequest:F1}"), F($"{r.StubCpuMicrosecondsPerRequest:F1}"),
                F($"{r.Cpu.MachineBusy:P0}"), F($"{r.Cpu.Others:P0}"));
        }

        return table;
    }

    private static Table StreamTable(IReadOnlyList<StreamResult> results)
    {
        var table = new Table().Title("Streaming, \"stream\":true one request at a time (ms from send)").AddColumns(
            "Target", "Requests", "Failed", "TTFB p50", "TTFB p99", "TTLB p50", "TTLB p99", "TTFB overhead p50", "TTFB overhead p99", "Other processes' CPU");
        var direct = results[0].FirstByte;
        foreach (var r in results)
        {
            var isDirect = ReferenceEquals(r, results[0]);
            table.AddRow(r.Target.Name, N(r.FirstByte.Count), N(r.Failures), Ms(r.FirstByte.At(0.5)), Ms(r.FirstByte.At(0.99)),
                Ms(r.LastByte.At(0.5)), Ms(r.LastByte.At(0.99)),
                isDirect ? "-" : Ms(r.FirstByte.At(0.5) - direct.At(0.5)), isDirect ? "-" : Ms(r.FirstByte.At(0.99) - direct.At(0.99)), F($"{r.OthersCpu:P0}"));
        }

        return table;
    }

    private static Table MemoryTable(GatewayMemory memory) =>
        new Table().Title("Gateway memory (MB)")
            .AddColumns("RSS after start", "RSS idle (1 request + 10 s)", "RSS after load (settled 10 s)", "Peak (VmHWM)")
            .AddRow(Mb(memory.AfterStart), Mb(memory.Idle), Mb(memory.AfterLoad), Mb(memory.Peak));

    private static void Ratios(IReadOnlyList<ThroughputResult> results)
    {
        var direct = results[0].Wrk.RequestsPerSecond;
        var nginx = results[1].Wrk.RequestsPerSecond;
        var gateway = results[2].Wrk.RequestsPerSecond;
        Line($"Throughput ratios: gateway / nginx {gateway / nginx:F2}; gateway / direct {gateway / direct:F2}; nginx / direct {nginx / direct:F2}");
    }

    /// <summary>Says so when other processes took a share of the cores during a timed window: those figures are not the gateway's alone.</summary>
    private static bool Disturbed(BenchResult result)
    {
        var others = result.Latency.Select(r => r.OthersCpu).Concat(result.Streams.Select(r => r.OthersCpu))
            .Concat(result.Throughput.Select(r => r.Cpu.Others)).Max();
        if (others > QuietMachine.MaxOthers)
        {
            AnsiConsole.MarkupLine(F($"[yellow bold]WARNING: other processes used up to {others:P0} of the cores during a timed window: the figures are disturbed; run again on a quiet machine[/]"));
        }

        return others > QuietMachine.MaxOthers;
    }

    private static bool Checks(BenchResult result)
    {
        var gateway = result.Latency[2];
        var addedP99 = gateway.Latency.At(0.99) - result.Latency[0].Latency.At(0.99);
        var ratio = result.Throughput[2].Wrk.RequestsPerSecond / result.Throughput[1].Wrk.RequestsPerSecond;
        var failures = result.Latency.Sum(r => r.Failures) + result.Streams.Sum(r => r.Failures) + result.Throughput.Sum(r => r.Wrk.Errors);
        foreach (var failure in result.Latency.Select(r => r.FirstFailure).Concat(result.Streams.Select(r => r.FirstFailure)).OfType<string>().Take(3))
        {
            Line($"First failure: {failure}");
        }

        return Check(F($"p99 added latency at {N(result.Options.Rate)} requests/s {Ms(addedP99)} ms <= {Thresholds.MaxAddedP99Milliseconds} ms"),
                addedP99 <= Thresholds.MaxAddedP99Milliseconds)
            & Check(F($"throughput gateway / nginx {ratio:F2} >= {Thresholds.MinThroughputRatioToNginx}"), ratio >= Thresholds.MinThroughputRatioToNginx)
            & Check(F($"idle RSS {Mb(result.Memory.Idle)} MB <= {Mb(Thresholds.MaxIdleRssBytes)} MB"), result.Memory.Idle <= Thresholds.MaxIdleRssBytes)
            & Check(F($"failed requests {N(failures)} == 0"), failures == 0);
    }

    private static bool Check(string what, bool passed)
    {
        AnsiConsole.MarkupLine($"  {(passed ? "[green]PASS[/]" : "[red]FAIL[/]")} {Markup.Escape(what)}");
        return passed;
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
