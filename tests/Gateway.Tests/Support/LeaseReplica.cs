using System.Diagnostics;
using Gateway.Features.Keys;
using Gateway.Features.RateLimiting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RedisClient;
using StackExchange.Redis;
using TestSupport;

namespace Gateway.Tests.Support;

/// <summary>
/// One Gateway replica's rate limiting, in process: its own Redis connection, revocation subscription, leases and
/// key store, on a shared <see cref="RedisServer"/>. Its clock stands still unless a test moves it, so a lease lasts
/// exactly as long as the test says.
/// </summary>
internal sealed class LeaseReplica : IAsyncDisposable
{
    private LeaseReplica(StillClock clock, RedisConnection connection, KeyRevocations revocations, KeyLeases leases, ClientKeyStore keys)
    {
        Clock = clock;
        Connection = connection;
        Revocations = revocations;
        Leases = leases;
        Keys = keys;
    }

    public RedisConnection Connection { get; }

    public KeyRevocations Revocations { get; }

    public KeyLeases Leases { get; }

    public ClientKeyStore Keys { get; }

    public StillClock Clock { get; }

    public static async Task<LeaseReplica> StartAsync(RedisServer redis, int defaultRequestsPerMinute = 600)
    {
        var connection = new RedisConnection(
            Options.Create(new RedisClientSettings { ConnectionName = "cache", ConnectionString = redis.ConnectionString }),
            NullLogger<RedisConnection>.Instance);
        var revocations = new KeyRevocations(connection, NullLogger<KeyRevocations>.Instance);
        await revocations.StartAsync(TestContext.Current.CancellationToken);
        var clock = new StillClock();
        var admission = new Admission(connection, Options.Create(new RateLimitOptions { DefaultRequestsPerMinute = defaultRequestsPerMinute }), clock);
        var leases = new KeyLeases(admission, connection, revocations, clock);
        var keys = new ClientKeyStore(connection, new ClientCredentials(Options.Create(new ClientKeysOptions())), revocations, clock);
        var replica = new LeaseReplica(clock, connection, revocations, leases, keys);
        await replica.WaitUntilSubscribedAsync();
        return replica;
    }

    /// <summary>The credential a request presenting <paramref name="key"/> carries.</summary>
    public static ClientCredential Credential(string key)
    {
        var hash = ClientKeyFormat.HashOf(key);
        return new ClientCredential(ClientKeyFormat.IdOf(hash), hash, null);
    }

    public async Task<AdmissionStatus> AdmitAsync(ClientCredential credential) => (await Leases.AdmitAsync(credential, 10)).Status;

    /// <summary>What the key's request window holds in Redis: admitted requests plus what leases hold.</summary>
    public async Task<long> ChargedRequestsAsync(string keyId)
    {
        var database = await Connection.GetDatabaseAsync();
        return (long)await database.HashGetAsync($"gw:{{{keyId}}}:rpm", "t");
    }

    /// <summary>Publishes probes until this replica hears one: from then on it hears revocations.</summary>
    private async Task WaitUntilSubscribedAsync()
    {
        var heard = new TaskCompletionSource();
        Revocations.Revoked += id => _ = id == "probe" && heard.TrySetResult();
        var multiplexer = await Connection.GetMultiplexerAsync();
        var deadline = Stopwatch.StartNew();
        while (!heard.Task.IsCompleted)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), "the replica never subscribed to revocations");
            await multiplexer.GetSubscriber().PublishAsync(KeyRevocations.Channel, "probe");
            await Task.WhenAny(heard.Task, Task.Delay(50, TestContext.Current.CancellationToken));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Revocations.StopAsync(CancellationToken.None);
        Revocations.Dispose();
        await Connection.DisposeAsync();
    }
}

/// <summary>A clock whose timestamps move only when told to (wall-clock time is the system's).</summary>
internal sealed class StillClock : TimeProvider
{
    private long _timestamp = Stopwatch.GetTimestamp();

    public override long GetTimestamp() => Interlocked.Read(ref _timestamp);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _timestamp, (long)(by.TotalSeconds * TimestampFrequency));
}
