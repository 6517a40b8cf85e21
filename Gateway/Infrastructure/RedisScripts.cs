using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace Gateway.Infrastructure;

/// <summary>The Lua scripts shipped inside the assembly.</summary>
internal static class RedisScripts
{
    public static readonly RedisScript Lease = new(Load("lease.lua"));

    public static readonly RedisScript Settle = new(Load("settle.lua"));

    private static string Load(string name)
    {
        using var stream = typeof(RedisScripts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The script {name} is not embedded in the Gateway assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>
/// A script sent by its SHA-1 (EVALSHA), so each call carries a few dozen bytes instead of the script; when Redis
/// does not know it (first call, restart, SCRIPT FLUSH) it is sent whole once, which caches it again.
/// </summary>
internal sealed class RedisScript(string source)
{
    private readonly byte[] _sha1 = SHA1.HashData(Encoding.UTF8.GetBytes(source));

    public async Task<RedisResult> EvaluateAsync(IDatabase database, RedisKey[] keys, RedisValue[] values)
    {
        try
        {
            return await database.ScriptEvaluateAsync(_sha1, keys, values);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            return await database.ScriptEvaluateAsync(source, keys, values);
        }
    }
}
