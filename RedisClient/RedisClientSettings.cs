using Microsoft.Extensions.Options;

namespace RedisClient;

/// <summary>Where the Redis connection string comes from: <c>ConnectionStrings:{name}</c>, Aspire's contract.</summary>
public sealed class RedisClientSettings
{
    /// <summary>The connection's name (<c>cache</c>).</summary>
    public string ConnectionName { get; set; } = "";

    /// <summary>A StackExchange.Redis configuration string such as <c>127.0.0.1:6379,password=…</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The configuration key, for messages.</summary>
    public string Key => $"ConnectionStrings:{ConnectionName}";
}

/// <summary>A missing or unparseable connection string is a deployment mistake: refuse to start, naming the key (never the value: it holds the password).</summary>
internal sealed class RedisClientSettingsValidator : IValidateOptions<RedisClientSettings>
{
    public ValidateOptionsResult Validate(string? name, RedisClientSettings options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"{options.Key} is required: the StackExchange.Redis configuration string of Redis, e.g. 127.0.0.1:6379,password=... (env ConnectionStrings__{options.ConnectionName}).");
        }

        return RedisConnectionString.TryParse(options.ConnectionString, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{options.Key} is not a StackExchange.Redis configuration string with an endpoint, e.g. 127.0.0.1:6379,password=...");
    }
}
