using Gateway.Features.Usage;

namespace Gateway.Features.Models;

/// <summary>USD per million tokens of each kind Anthropic bills separately.</summary>
internal sealed record ModelPrice(decimal Input, decimal Output, decimal CacheRead, decimal CacheWrite)
{
    public static ModelPrice Free { get; } = new(0, 0, 0, 0);

    /// <summary>The cost in nano-dollars, the integer unit spend and the ledger are kept in (exact for any price with up to 3 decimals).</summary>
    public long NanoUsdFor(TokenUsage usage) => (long)decimal.Round(
        (usage.InputTokens * Input
        + usage.OutputTokens * Output
        + usage.CacheReadInputTokens * CacheRead
        + usage.CacheCreationInputTokens * CacheWrite) * 1000m,
        MidpointRounding.AwayFromZero);
}
