using System.Globalization;
using Spectre.Console;
using static Dashboard.Bench.Report;

namespace Dashboard.Bench;

/// <summary>The closing tables, and the verdict against <see cref="Targets"/>: 0 when every check passes, 1 otherwise.</summary>
internal static class Summary
{
    public static int Print(IReadOnlyList<RunResult> runs)
    {
        AnsiConsole.WriteLine();
        AnsiConsole.Write(ThroughputTable(runs));
        AnsiConsole.Write(MemoryTable(runs));
        AnsiConsole.Write(SeriesTable(runs));
        if (runs.Count == 2)
        {
            AnsiConsole.WriteLine(F($"Throughput ratio {runs[0].Protocol} / {runs[1].Protocol}: {runs[0].SpansPerSecond / runs[1].SpansPerSecond:F2}"));
        }

        var passed = true;
        foreach (var run in runs)
        {
            passed &= Checks(run);
        }

        AnsiConsole.MarkupLine(passed ? "[green bold]PASS[/]" : "[red bold]FAILED[/]");
        return passed ? 0 : 1;
    }

    private static Table ThroughputTable(IReadOnlyList<RunResult> runs)
    {
        var table = new Table().Title("Throughput").AddColumns(
            "Protocol", "Spans", "Seconds", "Spans/s", "Failed requests", "Dashboard CPU µs/span", "Client CPU µs/span", "Held / evicted spans");
        foreach (var run in runs)
        {
            table.AddRow(run.Protocol, N(run.Spans), F($"{run.Elapsed.TotalSeconds:F1}"), N((long)run.SpansPerSecond),
                $"{run.Failures} / {N(run.Requests)}", F($"{run.DashboardCpuPerSpan:F1}"), F($"{run.ClientCpuPerSpan:F1}"),
                run.Stats is { } stats ? $"{N(stats.HeldSpans)} / {N(stats.EvictedSpans)}" : "n/a");
        }

        return table;
    }

    private static Table MemoryTable(IReadOnlyList<RunResult> runs)
    {
        var table = new Table().Title("Dashboard memory (RSS, MB)").AddColumns(
            "Protocol", "Start", "At cap", "At 25%", "End", "Peak (VmHWM)", "End / at cap", "End / 25%");
        foreach (var run in runs)
        {
            table.AddRow(run.Protocol, Mb(run.RssStart), Mb(run.RssAtCap), Mb(run.RssAtQuarter), Mb(run.RssEnd), Mb(run.PeakRss),
                Ratio(run.EndToCapRatio), Ratio(run.LateGrowthRatio));
        }

        return table;
    }

    private static Table SeriesTable(IReadOnlyList<RunResult> runs)
    {
        var table = new Table().Title("Dashboard RSS (MB) through the flood").AddColumn("Flood sent");
        foreach (var run in runs)
        {
            table.AddColumn(run.Protocol);
        }

        foreach (var spans in runs[0].Samples.Select(s => s.Spans))
        {
            var label = Percent(spans, runs[0].Spans) + (spans == runs[0].CapCheckpoint ? " (cap reached)" : "");
            table.AddRow([label, .. runs.Select(r => Mb(r.RssAt(spans)))]);
        }

        return table;
    }

    private static bool Checks(RunResult run)
    {
        AnsiConsole.WriteLine(run.CapCheckpoint is { } cap
            ? F($"{run.Protocol}: the store reached its cap after {N(cap + run.WarmupSpans)} spans ingested (warm-up included), at {Percent(cap, run.Spans)} of the flood")
            : $"{run.Protocol}: the flood never filled the store; use --spans well over --cap");
        if (run.FirstFailure is { } failure)
        {
            AnsiConsole.WriteLine($"{run.Protocol}: first failure: {failure}");
        }

        return Check(run, F($"throughput {N((long)run.SpansPerSecond)} spans/s >= {N((long)Targets.MinSpansPerSecond)}"), run.SpansPerSecond >= Targets.MinSpansPerSecond)
            & Check(run, F($"failed requests {run.Failures} == 0"), run.Failures == 0)
            & Check(run, F($"RSS end / at cap {Ratio(run.EndToCapRatio)} <= {Targets.MaxEndToCapRssRatio:F2}"), run.EndToCapRatio <= Targets.MaxEndToCapRssRatio)
            & Check(run, F($"RSS end / at 25% {Ratio(run.LateGrowthRatio)} <= {Targets.MaxLateRssGrowth:F2}"), run.LateGrowthRatio <= Targets.MaxLateRssGrowth)
            & (run.AllSpansAccounted is not { } accounted || Check(run, "held + evicted spans == spans sent", accounted));
    }

    private static bool Check(RunResult run, string what, bool passed)
    {
        AnsiConsole.MarkupLine($"  {(passed ? "[green]PASS[/]" : "[red]FAIL[/]")} {Markup.Escape(run.Protocol)}: {Markup.Escape(what)}");
        return passed;
    }

    private static string Mb(long? bytes) => bytes is { } value ? Report.Mb(value) : "n/a";

    private static string Ratio(double? ratio) => ratio is { } value ? F($"{value:F2}") : "n/a";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
