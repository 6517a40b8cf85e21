namespace Gateway.Features.RateLimiting;

/// <summary>The unused part of a lease: requests and tokens charged to <paramref name="Second"/> that no request took.</summary>
internal readonly record struct Leftover(long Second, long Requests, long Tokens)
{
    public bool IsEmpty => Requests <= 0 && Tokens <= 0;
}

/// <summary>What a replica gives back of its last lease on a key, and how much it asks for beyond the request that renews it.</summary>
internal readonly record struct LeaseAsk(Leftover Returned, long FurtherRequests, long FurtherTokens);

/// <summary>
/// Redis's answer to a lease: the admission of the request that asked and, when admitted, the further requests and
/// tokens leased with it, all charged to <see cref="AdmissionResult.AdmittedSecond"/>, which ends in
/// <paramref name="MillisecondsLeft"/>; and what was left of the key's monthly budget (-1: it has none).
/// </summary>
internal sealed record LeaseGrant(AdmissionResult Result, long FurtherRequests, long FurtherTokens, int MillisecondsLeft, long BudgetLeftNanoUsd);
