using System.Collections.Concurrent;
using Gateway.Features.Keys;
using RedisClient;
using StackExchange.Redis;

namespace Gateway.Features.RateLimiting;

/// <summary>
/// Admits requests from this replica's leases on client keys (<see cref="KeyLease"/>), asking Redis only when a
/// lease runs out or its second ends. What N replicas lease together never exceeds a key's limit, and what they
/// do not use is given back to the second it was charged to, so the sliding windows stay exact. A revoked key's
/// leases are dropped at once (<see cref="KeyRevocations"/>). While Redis is unreachable no lease is used: every
/// request asks Redis, and fails as it did before leases.
/// </summary>
internal sealed class KeyLeases
{
    private readonly ConcurrentDictionary<string, KeyLease> _leases = new(StringComparer.Ordinal);
    private readonly Admission _admission;
    private readonly RedisConnection _redis;
    private readonly TimeProvider _time;
    private readonly long _ticksPerMillisecond;

    public KeyLeases(Admission admission, RedisConnection redis, KeyRevocations revocations, TimeProvider time)
    {
        _admission = admission;
        _redis = redis;
        _time = time;
        _ticksPerMillisecond = time.TimestampFrequency / 1000;
        revocations.Revoked += Invalidate;
    }

    /// <exception cref="RedisException">Redis could not be asked; the caller answers 503 rather than guess.</exception>
    public async ValueTask<AdmissionResult> AdmitAsync(ClientCredential credential, long estimatedTokens)
    {
        if (!_redis.IsConnected)
        {
            return (await _admission.TakeAsync(credential, estimatedTokens, default)).Result;
        }

        while (true)
        {
            // By hash, not id: the id is only a prefix of it.
            var lease = _leases.GetOrAdd(credential.Hash, static (_, credential) => new KeyLease(credential), credential);
            var step = lease.Take(estimatedTokens, _time.GetTimestamp());
            if (step.Admitted is { } admitted)
            {
                return admitted;
            }

            if (step.Wait is { } renewal)
            {
                await renewal;
            }
            else if (step.Ask is { } ask)
            {
                return await RenewAsync(lease, estimatedTokens, ask);
            }
        }
    }

    private async Task<AdmissionResult> RenewAsync(KeyLease lease, long estimatedTokens, LeaseAsk ask)
    {
        var sentAt = _time.GetTimestamp();
        LeaseGrant grant;
        try
        {
            grant = await _admission.TakeAsync(lease.Credential, estimatedTokens, ask);
        }
        catch
        {
            lease.Abandon();
            throw;
        }

        lease.Install(grant, sentAt, estimatedTokens, _ticksPerMillisecond);
        if (grant.Result.Status == AdmissionStatus.UnknownKey)
        {
            _leases.TryRemove(KeyValuePair.Create(lease.Credential.Hash, lease));
        }

        return grant.Result;
    }

    /// <summary>Settled answers of <paramref name="credential"/> cost <paramref name="nanoUsd"/> (see <see cref="KeyLease.Spent"/>).</summary>
    public void Spent(ClientCredential credential, long nanoUsd)
    {
        if (nanoUsd > 0 && _leases.TryGetValue(credential.Hash, out var lease))
        {
            lease.Spent(nanoUsd);
        }
    }

    /// <summary>Gives back what is left of leases whose second is over (of all of them when <paramref name="all"/>), and forgets idle keys.</summary>
    public async Task GiveBackAsync(bool all, TimeSpan forgetAfter)
    {
        var now = _time.GetTimestamp();
        var idleSince = now - (long)(forgetAfter.TotalMilliseconds * _ticksPerMillisecond);
        var givingBack = new List<Task>();
        foreach (var (hash, lease) in _leases)
        {
            var leftover = lease.DetachEnded(now, all);
            if (!leftover.IsEmpty)
            {
                givingBack.Add(_admission.GiveBackAsync(lease.Credential, leftover));
            }
            else if (lease.IsIdleSince(idleSince))
            {
                _leases.TryRemove(KeyValuePair.Create(hash, lease));
            }
        }

        await Task.WhenAll(givingBack);
    }

    private void Invalidate(string keyId)
    {
        foreach (var (hash, lease) in _leases)
        {
            if (lease.Credential.Id == keyId)
            {
                lease.Invalidate();
                _leases.TryRemove(KeyValuePair.Create(hash, lease));
            }
        }
    }
}
