using System.ComponentModel.DataAnnotations;

namespace Api.Features.Realtime;

/// <summary>Project event streams (section <c>Realtime</c>).</summary>
public sealed class RealtimeOptions
{
    public const string SectionName = "Realtime";

    /// <summary>How often an idle stream sends a comment, so proxies and load balancers keep it open.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00", ErrorMessage = "Realtime:HeartbeatInterval must be between 50 milliseconds and 5 minutes.")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a stream token (for EventSource, which cannot send headers) can open a stream.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00", ErrorMessage = "Realtime:StreamTokenLifetime must be between 5 seconds and 1 hour.")]
    public TimeSpan StreamTokenLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Events kept per project for clients that reconnect with <c>Last-Event-ID</c>.</summary>
    [Range(0, 10_000, ErrorMessage = "Realtime:ReplayCount must be between 0 and 10000.")]
    public int ReplayCount { get; set; } = 100;
}
