using System.ComponentModel.DataAnnotations;

namespace Dashboard.Telemetry;

/// <summary>
/// How much telemetry the dashboard keeps, from <c>Dashboard:TelemetryLimits</c>. When a cap is reached the oldest
/// data goes first, and the dashboard shows how much went.
/// </summary>
public sealed class TelemetryLimits
{
    public const string SectionName = "Dashboard:TelemetryLimits";

    /// <summary>Spans held across all traces; the oldest traces are evicted whole.</summary>
    [Range(1, 10_000_000)]
    public int MaxSpanCount { get; set; } = 100_000;

    /// <summary>Structured log records held.</summary>
    [Range(1, 10_000_000)]
    public int MaxLogCount { get; set; } = 100_000;

    /// <summary>Points held per metric series (one series per attribute set); at one export a second, 3,600 is an hour.</summary>
    [Range(2, 1_000_000)]
    public int MaxMetricPointsPerSeries { get; set; } = 3_600;

    /// <summary>Series per instrument; points of further attribute sets are rejected and counted.</summary>
    [Range(1, 100_000)]
    public int MaxSeriesPerInstrument { get; set; } = 1_000;

    /// <summary>Attributes kept per span, event, log record or data point; the rest are counted as dropped.</summary>
    [Range(1, 10_000)]
    public int MaxAttributeCount { get; set; } = 128;

    /// <summary>Characters kept of an attribute value or log message.</summary>
    [Range(16, 1_000_000)]
    public int MaxAttributeLength { get; set; } = 8_192;

    /// <summary>Events kept per span.</summary>
    [Range(0, 10_000)]
    public int MaxSpanEventCount { get; set; } = 256;
}
