namespace Api.Features.Realtime;

internal static partial class Log
{
    [LoggerMessage(5000, LogLevel.Warning, "Could not publish {EventType} for project {ProjectId}; its connected clients miss it")]
    public static partial void PublishFailed(ILogger logger, string eventType, Guid projectId, Exception exception);

    [LoggerMessage(5001, LogLevel.Debug, "Event stream of project {ProjectId} opened (resuming after {LastEventId})")]
    public static partial void StreamOpened(ILogger logger, Guid projectId, long? lastEventId);

    [LoggerMessage(5002, LogLevel.Warning, "Event stream of project {ProjectId} fell {Capacity} events behind; closing it so the client resumes")]
    public static partial void StreamOverflowed(ILogger logger, Guid projectId, int capacity);

    [LoggerMessage(5003, LogLevel.Debug, "Event stream of project {ProjectId} closed")]
    public static partial void StreamClosed(ILogger logger, Guid projectId);
}
