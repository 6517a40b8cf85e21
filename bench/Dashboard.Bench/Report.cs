using System.Globalization;
using Spectre.Console;

namespace Dashboard.Bench;

/// <summary>What the benchmark prints as it goes.</summary>
internal static class Report
{
    public static void Header(BenchOptions options, Flood flood)
    {
        if (Console.IsOutputRedirected)
        {
            // A pipe or file gets plain text, and 160 columns: 80 are too narrow for the summary table.
            AnsiConsole.Profile.Width = 160;
            AnsiConsole.Profile.Capabilities.Ansi = false;
            AnsiConsole.Profile.Capabilities.ColorSystem = ColorSystem.NoColors;
        }

        AnsiConsole.MarkupLine($"[bold]Dashboard OTLP ingest benchmark[/] ({Environment.ProcessorCount} cores, .NET {Environment.Version})");
        AnsiConsole.WriteLine($"Dashboard:  {DashboardProcess.AssemblyPath}");
        AnsiConsole.WriteLine($"Flood:      {N(flood.TimedSpans)} spans in {N(flood.Timed.Length)} requests of {options.Batch} "
            + $"({options.Batch / BenchOptions.SpansPerTrace} traces of {BenchOptions.SpansPerTrace} spans), "
            + $"{flood.TimedBytes / flood.TimedSpans} bytes/span, {Mb(flood.TimedBytes)} MB; "
            + $"warm-up {N(flood.WarmupSpans)} spans; pre-serialized in {flood.GenerationTime.TotalSeconds:F1} s");
        AnsiConsole.WriteLine($"Load:       {options.Concurrency} concurrent requests; dashboard MaxSpanCount {N(options.Cap)}");
    }

    public static void Started(string protocol, DashboardProcess dashboard)
    {
        var url = protocol == "gRPC" ? dashboard.GrpcUrl : dashboard.HttpUrl;
        AnsiConsole.WriteLine();
        AnsiConsole.MarkupLine($"[bold]{protocol}[/]: fresh dashboard pid {dashboard.Pid}, OTLP at {url}, RSS {Mb(dashboard.Memory.Rss)} MB");
    }

    public static void Progress(string protocol, RssSample sample, long spans, long capCheckpoint)
    {
        var note = sample.Spans == capCheckpoint ? "  <- store reached its cap" : "";
        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {protocol,-14}{Percent(sample.Spans, spans),5}  {N(sample.Spans),11} spans  {sample.Elapsed.TotalSeconds,6:F1} s  RSS {Mb(sample.Rss),6} MB{note}"));
    }

    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Mb(long bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture);

    public static string Percent(long part, long whole) => (100.0 * part / whole).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
