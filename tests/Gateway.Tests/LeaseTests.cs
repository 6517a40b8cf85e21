using System.Diagnostics;
using Gateway.Features.Keys;
using Gateway.Features.RateLimiting;
using Gateway.Tests.Support;
using StackExchange.Redis;
using TestSupport;

namespace Gateway.Tests;

/// <summary>
/// Leases: each replica reserves a share of a key's windows in one Redis call and admits from it locally. Replicas run
/// in process here, on one real Redis, with clocks that stand still, so a lease ends exactly when a test says.
/// </summary>
public sealed class LeaseTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_lease_admits_without_asking_Redis_and_gives_back_what_it_did_not_use()
    {
        await using var redis = await RedisServer.StartAsync(cancellationToken: Cancellation);
        await using var replica = await LeaseReplica.StartAsync(redis);
        var issued = await replica.Keys.IssueAsync("leased", new KeyLimits(100_000, null, null));
        var credential = LeaseReplica.Credential(issued.Key!);

        var admitted = 0;
        while (await replica.ChargedRequestsAsync(issued.Id) <= admitted)
        {
            Assert.True(admitted < 50, "the replica never leased more than the requests it admitted");
            Assert.Equal(AdmissionStatus.Admitted, await replica.AdmitAsync(credential));
            admitted++;
        }

        // The lease's second is over: what no request took goes back, and the window holds exactly what was admitted.
        replica.Clock.Advance(TimeSpan.FromSeconds(1));
        await replica.Leases.GiveBackAsync(all: false, forgetAfter: TimeSpan.FromMinutes(2));

        Assert.Equal(admitted, await replica.ChargedRequestsAsync(issued.Id));
    }

    [Fact]
    public async Task Replicas_admit_exactly_the_limit_between_them_however_their_leases_are_sized()
    {
        const int limit = 60;
        await using var redis = await RedisServer.StartAsync(cancellationToken: Cancellation);
        var replicas = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => LeaseReplica.StartAsync(redis)));
        try
        {
            var issued = await replicas[0].Keys.IssueAsync("shared", new KeyLimits(limit, null, null));
            var credential = LeaseReplica.Credential(issued.Key!);

            // Each replica alone is sent the whole limit, concurrently with the others; no lease ever ends.
            var statuses = await Task.WhenAll(replicas.Select(replica => Task.Run(async () =>
            {
                var mine = new List<AdmissionStatus>();
                for (var i = 0; i < limit; i++)
                {
                    mine.Add(await replica.AdmitAsync(credential));
                }

                return mine;
            }, Cancellation)));

            var all = statuses.SelectMany(mine => mine).ToList();
            Assert.Equal(limit, all.Count(status => status == AdmissionStatus.Admitted));
            Assert.Equal(2 * limit, all.Count(status => status == AdmissionStatus.RequestsLimited));
            Assert.Equal(limit, await replicas[0].ChargedRequestsAsync(issued.Id));
        }
        finally
        {
            await Task.WhenAll(replicas.Select(replica => replica.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task Revoking_a_key_ends_the_leases_on_it_here_at_once_and_on_other_replicas_when_they_hear_of_it()
    {
        await using var redis = await RedisServer.StartAsync(cancellationToken: Cancellation);
        await using var revoking = await LeaseReplica.StartAsync(redis);
        await using var other = await LeaseReplica.StartAsync(redis);
        var issued = await revoking.Keys.IssueAsync("revoked", new KeyLimits(100_000, null, null));
        var credential = LeaseReplica.Credential(issued.Key!);
        await HoldSpareLeaseAsync(revoking, credential, issued.Id);
        await HoldSpareLeaseAsync(other, credential, issued.Id);
        var heard = new TaskCompletionSource();
        other.Revocations.Revoked += id => _ = id == issued.Id && heard.TrySetResult();

        Assert.True(await revoking.Keys.RevokeAsync(issued.Id));

        // Both leases still hold spare requests and their clocks stand still: only the revocation can refuse these.
        Assert.Equal(AdmissionStatus.UnknownKey, await revoking.AdmitAsync(credential));
        await heard.Task.WaitAsync(TimeSpan.FromSeconds(10), Cancellation);
        Assert.Equal(AdmissionStatus.UnknownKey, await other.AdmitAsync(credential));
    }

    [Fact]
    public async Task While_the_Redis_connection_is_down_no_lease_is_used_and_an_issued_key_fails_as_before()
    {
        await using var redis = await RedisServer.StartAsync(cancellationToken: Cancellation);
        await using var replica = await LeaseReplica.StartAsync(redis);
        var issued = await replica.Keys.IssueAsync("outage", new KeyLimits(100_000, null, null));
        var credential = LeaseReplica.Credential(issued.Key!);
        await HoldSpareLeaseAsync(replica, credential, issued.Id);

        await redis.StopAsync();
        var deadline = Stopwatch.StartNew();
        while (replica.Connection.IsConnected)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), "the replica never noticed that Redis stopped");
            await Task.Delay(10, Cancellation);
        }

        // The lease still holds spare requests and the clock stands still: only the lost connection can refuse this.
        await Assert.ThrowsAnyAsync<RedisException>(() => replica.AdmitAsync(credential));
    }

    /// <summary>Admits requests on <paramref name="replica"/> until its lease holds more than they used.</summary>
    private static async Task HoldSpareLeaseAsync(LeaseReplica replica, ClientCredential credential, string keyId)
    {
        for (var i = 0; i < 50; i++)
        {
            var before = await replica.ChargedRequestsAsync(keyId);
            Assert.Equal(AdmissionStatus.Admitted, await replica.AdmitAsync(credential));
            if (await replica.ChargedRequestsAsync(keyId) > before + 1)
            {
                return;
            }
        }

        Assert.Fail("the replica never took a lease with spare requests");
    }
}
