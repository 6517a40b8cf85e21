using System.Threading.Channels;
using Gateway.Features.Keys;
using Gateway.Features.RateLimiting;
using Gateway.Infrastructure;
using Microsoft.Extensions.Options;
using RedisClient;
using StackExchange.Redis;

namespace Gateway.Features.Usage;

/// <summary>
/// Settles answered requests (settle.lua): the token window is corrected from the estimate to the real usage, the
/// cost is added to the month's spend, and the day's ledger row grows. Settlements are gathered for
/// <see cref="FlushInterval"/> and summed per key, second and model, so a busy key costs Redis one script call per
/// flush instead of one per request. What is pending when the Gateway stops is flushed before it exits. Once a
/// settlement is in, this replica's lease on the key learns what it cost, so a spent budget stops it at once.
/// </summary>
internal sealed partial class UsageRecorder(
    RedisConnection redis, KeyLeases leases, IOptions<UsageOptions> options, TimeProvider time, ILogger<UsageRecorder> logger)
    : BackgroundService
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(50);

    private readonly int _retentionSeconds = options.Value.RetentionDays * 86_400;
    private readonly Channel<Settlement> _pending = Channel.CreateUnbounded<Settlement>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues a settlement; it reaches Redis within <see cref="FlushInterval"/>.</summary>
    public void Record(Settlement settlement) => _pending.Writer.TryWrite(settlement);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(FlushInterval, time, stoppingToken);
                await FlushAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is queued still gets written below.
        }

        await FlushAsync();
    }

    private async Task FlushAsync()
    {
        // Grouped by the key's id, not by the credential record, whose equality would compare its hash and limits
        // for every settlement.
        var batch = new Dictionary<(string KeyId, long Second, string Model), (ClientCredential Credential, PendingRow Row)>();
        while (_pending.Reader.TryRead(out var settlement))
        {
            var group = (settlement.Credential.Id, settlement.AdmittedSecond, settlement.Model);
            var row = batch.TryGetValue(group, out var pending) ? pending.Row : new PendingRow();
            batch[group] = (settlement.Credential, row.Add(settlement));
        }

        await Task.WhenAll(batch.Select(pair => SettleAsync(pair.Value.Credential, pair.Key.Second, pair.Key.Model, pair.Value.Row)));
    }

    private async Task SettleAsync(ClientCredential credential, long second, string model, PendingRow row)
    {
        var keyId = credential.Id;
        var now = time.GetUtcNow();
        var usage = row.Usage;
        RedisKey[] keys = [RedisKeys.TokenWindow(keyId), RedisKeys.Spend(keyId, now), RedisKeys.Ledger(keyId, DateOnly.FromDateTime(now.UtcDateTime))];
        RedisValue[] values =
        [
            second,
            usage.Total - row.EstimatedTokens,
            row.CostNanoUsd,
            model,
            usage.InputTokens,
            usage.OutputTokens,
            usage.CacheReadInputTokens,
            usage.CacheCreationInputTokens,
            row.Cached,
            row.Mocked,
            _retentionSeconds,
            Admission.WindowSeconds,
            row.Requests,
        ];
        try
        {
            var database = await redis.GetDatabaseAsync();
            await RedisScripts.Settle.EvaluateAsync(database, keys, values);
            leases.Spent(credential, row.CostNanoUsd);
        }
        catch (RedisException e)
        {
            // The answers are out already; losing their rows is bad, failing clients for it would be worse.
            LogSettleFailed(logger, e, keyId, model, row.Requests, row.CostNanoUsd, usage.InputTokens, usage.OutputTokens);
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Error,
        Message = "Could not record usage of key {KeyId} for {Model}: {Requests} requests, {CostNanoUsd} nano-USD, {InputTokens} input and {OutputTokens} output tokens are missing from the ledger")]
    private static partial void LogSettleFailed(ILogger logger, Exception exception, string keyId, string model, long requests, long costNanoUsd, long inputTokens, long outputTokens);

    /// <summary>The sum of the settlements of one key, second and model.</summary>
    private readonly record struct PendingRow(long Requests, long EstimatedTokens, TokenUsage Usage, long CostNanoUsd, long Cached, long Mocked)
    {
        public PendingRow Add(Settlement s) => new(
            Requests + 1,
            EstimatedTokens + s.EstimatedTokens,
            new TokenUsage(
                Usage.InputTokens + s.Usage.InputTokens,
                Usage.OutputTokens + s.Usage.OutputTokens,
                Usage.CacheReadInputTokens + s.Usage.CacheReadInputTokens,
                Usage.CacheCreationInputTokens + s.Usage.CacheCreationInputTokens),
            CostNanoUsd + s.CostNanoUsd,
            Cached + (s.Cached ? 1 : 0),
            Mocked + (s.Mocked ? 1 : 0));
    }
}
