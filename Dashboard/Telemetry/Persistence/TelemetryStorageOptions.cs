using System.ComponentModel.DataAnnotations;

namespace Dashboard.Telemetry.Persistence;

/// <summary>
/// Where the dashboard keeps a journal of what it received, from <c>Dashboard:Storage</c>, so a restart (of the
/// dashboard or of the AppHost) starts with the telemetry it had. Unset: memory only.
/// </summary>
public sealed class TelemetryStorageOptions
{
    public const string SectionName = "Dashboard:Storage";

    public string? Directory { get; set; }

    /// <summary>The journal's size on disk; the oldest segments are deleted beyond it.</summary>
    [Range(1L << 20, 10L << 30)]
    public long MaxBytes { get; set; } = 128L << 20;

    /// <summary>Export requests waiting to be written; beyond it requests are not journaled (and counted), never blocked.</summary>
    [Range(16, 100_000)]
    public int QueueLength { get; set; } = 1_024;
}
