using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gateway.Infrastructure.Redis;

/// <summary>A connection string that does not parse is a deployment mistake: refuse to start rather than report Redis "down" forever.</summary>
internal sealed class RedisConnectionOptionsValidator : IValidateOptions<RedisConnectionOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisConnectionOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Cache))
        {
            // Reported by the [Required] annotation.
            return ValidateOptionsResult.Skip;
        }

        try
        {
            return ConfigurationOptions.Parse(options.Cache).EndPoints.Count > 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(RedisConnectionOptions.Key + " names no Redis endpoint (expected host:port).");
        }
        catch (ArgumentException)
        {
            // The parser's message may quote the string, password included; name the key only.
            return ValidateOptionsResult.Fail(RedisConnectionOptions.Key + " is not a valid StackExchange.Redis connection string.");
        }
    }
}
