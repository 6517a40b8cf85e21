using Gateway.Infrastructure;
using Microsoft.Extensions.Options;

namespace Gateway.Features.Messages.Mock;

/// <summary>
/// How fast the mock model answers. Instant by default; load tests and offline development set a
/// realistic pace so timeouts, streaming and concurrency behave as they would against the provider.
/// </summary>
internal sealed class MockOptions
{
    public const string SectionName = "Mock";

    /// <summary>Wait before the first event of a stream (or before a JSON answer).</summary>
    public int FirstChunkDelayMilliseconds { get; set; }

    /// <summary>Output pace after the first chunk; 0 writes every token at once.</summary>
    public double TokensPerSecond { get; set; }

    public TimeSpan FirstChunkDelay => TimeSpan.FromMilliseconds(FirstChunkDelayMilliseconds);

    /// <summary>Time after the first chunk by which <paramref name="tokens"/> output tokens are due.</summary>
    public TimeSpan TimeFor(double tokens) => TokensPerSecond > 0 ? TimeSpan.FromSeconds(tokens / TokensPerSecond) : TimeSpan.Zero;
}

/// <summary>The bounds of <see cref="MockOptions"/>, each failure naming its key.</summary>
internal sealed class ValidateMockOptions : IValidateOptions<MockOptions>
{
    public ValidateOptionsResult Validate(string? name, MockOptions options) => SettingChecks.Result(
        (options.FirstChunkDelayMilliseconds is >= 0 and <= 600_000, "Mock:FirstChunkDelayMilliseconds must be between 0 and 600000."),
        (options.TokensPerSecond is >= 0 and <= 1_000_000, "Mock:TokensPerSecond must be between 0 and 1000000."));
}
