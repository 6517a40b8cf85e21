namespace Api.Data;

public static class Timestamps
{
    /// <summary>Now, truncated to PostgreSQL's microseconds, so what an endpoint returns agrees with later reads.</summary>
    public static DateTimeOffset Now(TimeProvider time)
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
