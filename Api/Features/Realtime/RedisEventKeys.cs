namespace Api.Features.Realtime;

/// <summary>
/// Where a project's events live in Redis, under <c>Redis:InstanceName</c> (tests give each Api its own prefix):
/// a channel every replica subscribes to, a counter for event ids and the recent events for resuming clients.
/// </summary>
internal sealed class RedisEventKeys(IConfiguration configuration)
{
    private readonly string _prefix = configuration["Redis:InstanceName"] ?? "";

    public string Channel(Guid projectId) => $"{_prefix}project-events:{projectId:N}";

    public string Sequence(Guid projectId) => $"{_prefix}project-events:{projectId:N}:seq";

    public string Recent(Guid projectId) => $"{_prefix}project-events:{projectId:N}:recent";

    public string StreamToken(string tokenHash) => $"{_prefix}event-stream-token:{tokenHash}";
}
