namespace Gateway.Features.Keys;

/// <summary>A key's own limits; null means the configured default (see RateLimits options), and no budget means none.</summary>
internal sealed record KeyLimits(int? RequestsPerMinute, long? TokensPerMinute, decimal? MonthlyBudgetUsd)
{
    /// <summary>What is wrong with the limits, each named by <paramref name="field"/> (a configuration path or a JSON member).</summary>
    public static IEnumerable<string> Problems(Func<string, string> field, int? requestsPerMinute, long? tokensPerMinute, decimal? monthlyBudgetUsd)
    {
        if (requestsPerMinute is < 1)
        {
            yield return $"{field(nameof(RequestsPerMinute))} must be at least 1.";
        }

        if (tokensPerMinute is < 1)
        {
            yield return $"{field(nameof(TokensPerMinute))} must be at least 1.";
        }

        if (monthlyBudgetUsd is < 0 or > 1_000_000_000m)
        {
            yield return $"{field(nameof(MonthlyBudgetUsd))} must be between 0 and 1000000000.";
        }
    }

    /// <summary>The budget in the integer unit spend is kept in.</summary>
    public long? BudgetNanoUsd => MonthlyBudgetUsd is { } usd ? (long)(usd * 1_000_000_000m) : null;
}
