using System.ComponentModel.DataAnnotations;

namespace Gateway.Infrastructure.Redis;

/// <summary>
/// Aspire's contract: the orchestrator hands each service <c>ConnectionStrings:cache</c> in
/// StackExchange.Redis format (<c>host:port,password=…</c>).
/// </summary>
internal sealed class RedisConnectionOptions
{
    public const string SectionName = "ConnectionStrings";

    public const string Key = "ConnectionStrings:cache";

    [Required(ErrorMessage = Key + " is required: a StackExchange.Redis connection string such as 127.0.0.1:6379,password=...")]
    public string? Cache { get; set; }
}
