using System.Globalization;
using Gateway.Infrastructure;
using RedisClient;
using StackExchange.Redis;

namespace Gateway.Features.Keys;

/// <summary>
/// Issued client keys in Redis: one hash per key (<c>gw:{id}:key</c>) holding the key's SHA-256, never the key,
/// and a set of all ids for listing. lease.lua reads the same hash whenever a replica takes a lease on the key, and a
/// revocation drops every replica's lease on it (<see cref="KeyRevocations"/>).
/// </summary>
internal sealed class ClientKeyStore(RedisConnection redis, ClientCredentials credentials, KeyRevocations revocations, TimeProvider time)
{
    public async Task<ClientKeyInfo> IssueAsync(string name, KeyLimits limits)
    {
        var key = ClientKeyFormat.NewKey();
        var hash = ClientKeyFormat.HashOf(key);
        var id = ClientKeyFormat.IdOf(hash);
        var now = time.GetUtcNow();
        var fields = new List<HashEntry>
        {
            new("hash", hash),
            new("name", name),
            new("hint", ClientKeyFormat.Hint(key)),
            new("created_at", now.ToUnixTimeMilliseconds()),
        };
        AddIfSet(fields, "rpm", limits.RequestsPerMinute);
        AddIfSet(fields, "tpm", limits.TokensPerMinute);
        AddIfSet(fields, "budget_nano", limits.BudgetNanoUsd);

        var database = await redis.GetDatabaseAsync();
        var transaction = database.CreateTransaction();
        _ = transaction.HashSetAsync(RedisKeys.Record(id), [.. fields]);
        _ = transaction.SetAddAsync(RedisKeys.KeyIndex, id);
        await transaction.ExecuteAsync();
        return ToInfo(id, [.. fields]) with { Key = key };
    }

    /// <summary>Issued keys (newest first), then the keys declared in configuration.</summary>
    public async Task<IReadOnlyList<ClientKeyInfo>> ListAsync()
    {
        var database = await redis.GetDatabaseAsync();
        var ids = await database.SetMembersAsync(RedisKeys.KeyIndex);
        var records = await Task.WhenAll(ids.Select(id => database.HashGetAllAsync(RedisKeys.Record((string)id!))));
        var issued = ids.Zip(records)
            .Where(pair => pair.Second.Length > 0)
            .Select(pair => ToInfo((string)pair.First!, pair.Second))
            .OrderByDescending(info => info.CreatedAt);
        return [.. issued, .. PresetInfos()];
    }

    public async Task<ClientKeyInfo?> FindAsync(string id)
    {
        if (PresetInfos().FirstOrDefault(info => info.Id == id) is { } preset)
        {
            return preset;
        }

        var database = await redis.GetDatabaseAsync();
        var record = await database.HashGetAllAsync(RedisKeys.Record(id));
        return record.Length == 0 ? null : ToInfo(id, record);
    }

    /// <summary>Marks an issued key revoked (the record stays, for the ledger's sake). False when there is no such key.</summary>
    public async Task<bool> RevokeAsync(string id)
    {
        var database = await redis.GetDatabaseAsync();
        var record = RedisKeys.Record(id);
        var transaction = database.CreateTransaction();
        transaction.AddCondition(Condition.KeyExists(record));
        transaction.AddCondition(Condition.HashNotExists(record, "revoked_at"));
        _ = transaction.HashSetAsync(record, "revoked_at", time.GetUtcNow().ToUnixTimeMilliseconds());
        if (!await transaction.ExecuteAsync() && !await database.HashExistsAsync(record, "revoked_at"))
        {
            return false;
        }

        await revocations.AnnounceAsync(id);
        return true;
    }

    public bool IsPreset(string id) => credentials.Presets.Any(preset => preset.Id == id);

    private IEnumerable<ClientKeyInfo> PresetInfos() => credentials.Presets.Select(preset => new ClientKeyInfo(
        preset.Id, preset.Preset.Name, "(configuration)", "configuration", null, null,
        preset.Preset.Limits.RequestsPerMinute, preset.Preset.Limits.TokensPerMinute, preset.Preset.Limits.MonthlyBudgetUsd));

    private static ClientKeyInfo ToInfo(string id, HashEntry[] record)
    {
        var fields = record.ToDictionary(entry => (string)entry.Name!, entry => (string?)entry.Value);
        return new ClientKeyInfo(
            id,
            fields.GetValueOrDefault("name") ?? "",
            fields.GetValueOrDefault("hint") ?? "…",
            "admin",
            Time(fields.GetValueOrDefault("created_at")),
            Time(fields.GetValueOrDefault("revoked_at")),
            (int?)Number(fields.GetValueOrDefault("rpm")),
            Number(fields.GetValueOrDefault("tpm")),
            Number(fields.GetValueOrDefault("budget_nano")) is { } nano ? nano / 1_000_000_000m : null);
    }

    private static void AddIfSet(List<HashEntry> fields, string name, long? value)
    {
        if (value is { } number)
        {
            fields.Add(new HashEntry(name, number));
        }
    }

    private static long? Number(string? value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static DateTimeOffset? Time(string? value) => Number(value) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
