using Gateway.Infrastructure;
using Microsoft.Extensions.Options;

namespace Gateway.Features.Messages.Resilience;

/// <summary>
/// When the Gateway stops calling an upstream that keeps failing (<see cref="UpstreamCircuit"/>). Bounds are those
/// Polly's circuit breaker accepts, which the Gateway used before: a value outside them fails at start, naming the key.
/// </summary>
internal sealed class CircuitBreakerOptions
{
    public const string SectionName = "Resilience:CircuitBreaker";

    /// <summary>Share of failed attempts in the sampling window that opens the circuit.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Attempts the window must hold before the ratio counts; a quiet Gateway never trips on one failure.</summary>
    public int MinimumThroughput { get; set; } = 20;

    public int SamplingDurationMilliseconds { get; set; } = 30_000;

    /// <summary>How long the circuit stays open before one probe request is let through.</summary>
    public int BreakDurationMilliseconds { get; set; } = 15_000;
}

/// <summary>The bounds of <see cref="CircuitBreakerOptions"/>, each failure naming its key.</summary>
internal sealed class ValidateCircuitBreakerOptions : IValidateOptions<CircuitBreakerOptions>
{
    public ValidateOptionsResult Validate(string? name, CircuitBreakerOptions options) => SettingChecks.Result(
        (options.FailureRatio is >= 0.01 and <= 1.0, "Resilience:CircuitBreaker:FailureRatio must be between 0.01 and 1."),
        (options.MinimumThroughput is >= 2 and <= 100_000, "Resilience:CircuitBreaker:MinimumThroughput must be between 2 and 100000."),
        (options.SamplingDurationMilliseconds is >= 500 and <= 86_400_000, "Resilience:CircuitBreaker:SamplingDurationMilliseconds must be between 500 and 86400000."),
        (options.BreakDurationMilliseconds is >= 500 and <= 86_400_000, "Resilience:CircuitBreaker:BreakDurationMilliseconds must be between 500 and 86400000."));
}
