namespace Gateway.Features.RateLimiting;

internal enum AdmissionStatus
{
    UnknownKey = 0,
    Admitted = 1,
    RequestsLimited = 2,
    TokensLimited = 3,
    BudgetSpent = 4,
    LargerThanTokenLimit = 5,
}

/// <summary>What the admission script decided, with the figures the <c>anthropic-ratelimit-*</c> headers report.</summary>
internal sealed record AdmissionResult(
    AdmissionStatus Status,
    long RequestsLimit,
    long RequestsRemaining,
    long TokensLimit,
    long TokensRemaining,
    int RetryAfterSeconds,
    long AdmittedSecond)
{
    /// <summary>Admitted without Redis: no window was charged, so nothing is to be corrected.</summary>
    public static AdmissionResult Unmetered { get; } = new(AdmissionStatus.Admitted, 0, 0, 0, 0, 0, 0);

    public bool IsAdmitted => Status == AdmissionStatus.Admitted;
}
