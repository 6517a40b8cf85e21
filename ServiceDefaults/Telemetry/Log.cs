using Microsoft.Extensions.Logging;

namespace ServiceDefaults.Telemetry;

internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Exporting traces, metrics and logs over OTLP to {Endpoint} ({Protocol})")]
    public static partial void ExportEnabled(ILogger logger, string endpoint, string protocol);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug,
        Message = "OTLP export is off because {Key} is not set")]
    public static partial void ExportDisabled(ILogger logger, string key);
}
