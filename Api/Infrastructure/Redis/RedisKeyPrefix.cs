using System.ComponentModel.DataAnnotations;

namespace Api.Infrastructure.Redis;

/// <summary>
/// Every Redis key the Api writes starts with <c>Redis:InstanceName</c> (default <c>api:</c>), as
/// Microsoft's Redis cache does, so services and test runs can share one server without touching each other's keys.
/// </summary>
public sealed class RedisKeyPrefix
{
    public const string SectionName = "Redis";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Redis:InstanceName must not be empty (default \"api:\").")]
    [MaxLength(100, ErrorMessage = "Redis:InstanceName has at most 100 characters.")]
    public string InstanceName { get; set; } = "api:";

    public string Key(string name) => InstanceName + name;
}
