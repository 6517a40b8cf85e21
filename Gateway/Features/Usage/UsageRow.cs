namespace Gateway.Features.Usage;

/// <summary>One ledger row: a client key's use of one model on one day (UTC).</summary>
internal sealed record UsageRow(
    DateOnly Date,
    string KeyId,
    string Model,
    long Requests,
    long InputTokens,
    long OutputTokens,
    long CacheReadInputTokens,
    long CacheCreationInputTokens,
    long CachedResponses,
    long MockResponses,
    decimal CostUsd);

/// <summary>The rows of a query and their total cost.</summary>
internal sealed record UsageReport(IReadOnlyList<UsageRow> Data, decimal TotalCostUsd);
