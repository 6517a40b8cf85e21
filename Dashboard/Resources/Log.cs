namespace Dashboard.Resources;

/// <summary>The resource service client's log lines (EventIds 3000–3099). Never the API key.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Resources come from the AppHost's resource service at {Url}")]
    public static partial void ResourceServiceConfigured(ILogger logger, Uri url);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "No resource service configured (Dashboard:ResourceServiceClient:Url): resources come from telemetry only")]
    public static partial void ResourceServiceNotConfigured(ILogger logger);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "The resource watch stopped ({Reason}); reconnecting in {DelayMilliseconds} ms")]
    public static partial void WatchDropped(ILogger logger, string reason, double delayMilliseconds);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "The resource watch is connected")]
    public static partial void WatchConnected(ILogger logger);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "A ResourceCatalog.Changed handler failed")]
    public static partial void ChangedHandlerFailed(ILogger logger, Exception exception);
}
