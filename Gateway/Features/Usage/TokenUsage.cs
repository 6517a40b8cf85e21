namespace Gateway.Features.Usage;

/// <summary>
/// The token counts of one answer as Anthropic reports them in <c>usage</c>: from the Message of a
/// JSON reply, or from <c>message_start</c> plus the last <c>message_delta</c> of a stream.
/// </summary>
internal readonly record struct TokenUsage(
    long InputTokens,
    long OutputTokens,
    long CacheReadInputTokens = 0,
    long CacheCreationInputTokens = 0)
{
    /// <summary>Everything the answer cost in tokens, the figure a tokens-per-minute limit counts.</summary>
    public long Total => InputTokens + OutputTokens + CacheReadInputTokens + CacheCreationInputTokens;
}
