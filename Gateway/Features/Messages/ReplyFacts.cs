using Gateway.Features.Usage;

namespace Gateway.Features.Messages;

/// <summary>What an answer said about itself, gathered as it is relayed: the span and the ledger read these.</summary>
internal struct ReplyFacts
{
    public string? Id;
    public string? Model;
    public string? StopReason;
    public long InputTokens;
    public long OutputTokens;
    public long CacheReadInputTokens;
    public long CacheCreationInputTokens;

    /// <summary>The <c>type</c> of an error the provider reported inside a stream.</summary>
    public string? StreamErrorType;

    /// <summary>Set by <c>message_stop</c>: a stream without it was cut short.</summary>
    public bool Stopped;

    public readonly TokenUsage Usage => new(InputTokens, OutputTokens, CacheReadInputTokens, CacheCreationInputTokens);
}
