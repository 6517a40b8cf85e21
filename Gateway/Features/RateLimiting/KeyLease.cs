using Gateway.Features.Keys;

namespace Gateway.Features.RateLimiting;

/// <summary>
/// This replica's lease on one client key: requests and tokens already charged in Redis to one second, admitted
/// here without a round trip until they run out or the second ends. At most one renewal is in flight; requests
/// that find the lease empty meanwhile wait for it. Each lease asks for twice what the last one used, so a busy
/// key renews a few times a second and a quiet one holds next to nothing. Guarded by its own lock; Redis is
/// called outside it.
/// </summary>
internal sealed class KeyLease(ClientCredential credential)
{
    private readonly Lock _lock = new();
    private AdmissionResult _admitted = AdmissionResult.Unmetered;
    private long _requests;
    private long _tokens;
    private long _expiresAt;
    private long _usedRequests;
    private long _usedTokens;
    private long _lastUsed;
    private long _budgetLeft = -1;
    private TaskCompletionSource? _renewal;
    private bool _invalidated;

    public ClientCredential Credential => credential;

    /// <summary>What the next request gets: admitted from the lease, told to wait for a renewal, or told to renew it.</summary>
    public LeaseStep Take(long tokens, long now)
    {
        lock (_lock)
        {
            if (_invalidated)
            {
                return LeaseStep.Invalidated;
            }

            _lastUsed = now;
            if (now < _expiresAt && _requests >= 1 && _tokens >= tokens)
            {
                _requests--;
                _tokens -= tokens;
                _usedRequests++;
                _usedTokens += tokens;
                return LeaseStep.From(_admitted);
            }

            if (_renewal is { } renewal)
            {
                return LeaseStep.WaitFor(renewal.Task);
            }

            _renewal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var ask = new LeaseAsk(DetachLeftover(), 2 * _usedRequests, 2 * _usedTokens);
            return LeaseStep.Renew(ask);
        }
    }

    /// <summary>Installs what Redis granted the renewal <see cref="Take"/> started (nothing if it refused), and wakes the waiters.</summary>
    public void Install(LeaseGrant grant, long sentAt, long tokens, long ticksPerMillisecond)
    {
        lock (_lock)
        {
            var admitted = grant.Result.IsAdmitted && !_invalidated;
            _admitted = grant.Result;
            _requests = admitted ? grant.FurtherRequests : 0;
            _tokens = admitted ? grant.FurtherTokens : 0;
            // From when the request was sent: the second ended no earlier than that many milliseconds later.
            _expiresAt = admitted ? sentAt + grant.MillisecondsLeft * ticksPerMillisecond : 0;
            _usedRequests = admitted ? 1 : 0;
            _usedTokens = admitted ? tokens : 0;
            _budgetLeft = grant.BudgetLeftNanoUsd;
            EndRenewal();
        }
    }

    /// <summary>The renewal failed (Redis unreachable): what it carried back stays charged, and the waiters try for themselves.</summary>
    public void Abandon()
    {
        lock (_lock)
        {
            EndRenewal();
        }
    }

    /// <summary>
    /// Answers of this replica cost <paramref name="nanoUsd"/> more than when the budget was last read: once they
    /// spend what was left of it, the lease ends, and the next request asks Redis, which refuses it.
    /// </summary>
    public void Spent(long nanoUsd)
    {
        lock (_lock)
        {
            if (_budgetLeft >= 0 && (_budgetLeft -= nanoUsd) <= 0)
            {
                _expiresAt = 0;
            }
        }
    }

    /// <summary>The key was revoked: nothing more is admitted from this lease, nor from a renewal still in flight.</summary>
    public void Invalidate()
    {
        lock (_lock)
        {
            _invalidated = true;
            _requests = 0;
            _tokens = 0;
        }
    }

    /// <summary>Takes what is left of a lease whose second is over (all of it when <paramref name="all"/>), to give back.</summary>
    public Leftover DetachEnded(long now, bool all)
    {
        lock (_lock)
        {
            return _renewal is null && (all || now >= _expiresAt) ? DetachLeftover() : default;
        }
    }

    /// <summary>Neither holds anything nor was used since <paramref name="since"/>: the entry can go.</summary>
    public bool IsIdleSince(long since)
    {
        lock (_lock)
        {
            return _renewal is null && _requests <= 0 && _tokens <= 0 && _lastUsed < since;
        }
    }

    private Leftover DetachLeftover()
    {
        var leftover = new Leftover(_admitted.AdmittedSecond, _requests, _tokens);
        _requests = 0;
        _tokens = 0;
        return leftover;
    }

    private void EndRenewal()
    {
        _renewal?.SetResult();
        _renewal = null;
    }
}

/// <summary>The outcome of <see cref="KeyLease.Take"/>: exactly one of its members is set, or <see cref="IsInvalidated"/>.</summary>
internal readonly record struct LeaseStep(AdmissionResult? Admitted, Task? Wait, LeaseAsk? Ask)
{
    public static LeaseStep Invalidated => default;

    public bool IsInvalidated => Admitted is null && Wait is null && Ask is null;

    public static LeaseStep From(AdmissionResult admitted) => new(admitted, null, null);

    public static LeaseStep WaitFor(Task renewal) => new(null, renewal, null);

    public static LeaseStep Renew(LeaseAsk ask) => new(null, null, ask);
}
