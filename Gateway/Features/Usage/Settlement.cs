using Gateway.Features.Keys;

namespace Gateway.Features.Usage;

/// <summary>
/// Everything known once an answer is complete: who asked, what the admission charged up front, and what the
/// answer really used. <paramref name="Model"/> is the model the client asked for, the ledger's key.
/// </summary>
internal sealed record Settlement(
    ClientCredential Credential,
    long AdmittedSecond,
    long EstimatedTokens,
    string Model,
    TokenUsage Usage,
    long CostNanoUsd,
    bool Cached,
    bool Mocked);
