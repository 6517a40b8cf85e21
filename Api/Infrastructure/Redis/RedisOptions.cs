using System.ComponentModel.DataAnnotations;

namespace Api.Infrastructure.Redis;

/// <summary>The Redis connection string, where Aspire puts it: <c>ConnectionStrings:cache</c>.</summary>
public sealed class RedisOptions
{
    public const string SectionName = "ConnectionStrings";

    public const string InvalidMessage =
        "ConnectionStrings:cache is not a StackExchange.Redis configuration string with an endpoint, e.g. 127.0.0.1:6379,password=...";

    // Binding is case-insensitive, so this property reads the key "cache".
    [Required(ErrorMessage = "ConnectionStrings:cache is required: the StackExchange.Redis configuration string of the Api's cache (env ConnectionStrings__cache).")]
    public string? Cache { get; set; }
}
