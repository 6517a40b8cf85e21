using System.Globalization;
using Gateway.Features.Keys;
using Gateway.Infrastructure;
using RedisClient;
using StackExchange.Redis;

namespace Gateway.Features.Usage;

/// <summary>Reads the ledger settle.lua writes: a hash per (key, day) with one <c>model|metric</c> field per figure.</summary>
internal sealed class UsageLedger(RedisConnection redis, ClientKeyStore keys)
{
    public const int MaxDays = 366;

    public async Task<UsageReport> QueryAsync(string? keyId, DateOnly from, DateOnly to)
    {
        var ids = keyId is not null ? [keyId] : (await keys.ListAsync()).Select(key => key.Id).ToList();
        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).ToList();
        var database = await redis.GetDatabaseAsync();
        var reads = ids.SelectMany(id => days.Select(day => (id, day, hash: database.HashGetAllAsync(RedisKeys.Ledger(id, day))))).ToList();
        await Task.WhenAll(reads.Select(read => read.hash));

        var rows = reads
            .SelectMany(read => Rows(read.day, read.id, read.hash.Result))
            .OrderBy(row => row.Date).ThenBy(row => row.KeyId, StringComparer.Ordinal).ThenBy(row => row.Model, StringComparer.Ordinal)
            .ToList();
        return new UsageReport(rows, rows.Sum(row => row.CostUsd));
    }

    private static IEnumerable<UsageRow> Rows(DateOnly day, string keyId, HashEntry[] fields) => fields
        .Select(entry => ((string)entry.Name!, (long)entry.Value))
        .Select(pair => (Split: pair.Item1.Split('|', 2), Value: pair.Item2))
        .Where(x => x.Split.Length == 2)
        .GroupBy(x => x.Split[0], StringComparer.Ordinal)
        .Select(model =>
        {
            var figures = model.ToDictionary(x => x.Split[1], x => x.Value, StringComparer.Ordinal);
            long Figure(string name) => figures.GetValueOrDefault(name);
            return new UsageRow(
                day, keyId, model.Key,
                Figure("requests"), Figure("input_tokens"), Figure("output_tokens"),
                Figure("cache_read_input_tokens"), Figure("cache_creation_input_tokens"),
                Figure("cached_responses"), Figure("mock_responses"),
                Figure("cost_nano_usd") / 1_000_000_000m);
        });

    public static bool TryParseDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
