using System.Net;

namespace Dashboard.Frontend;

internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Refused a dashboard login with a wrong token from {RemoteAddress}")]
    public static partial void LoginRefused(ILogger logger, IPAddress? remoteAddress);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Log in to the dashboard at {LoginUrl}")]
    public static partial void LoginLink(ILogger logger, string loginUrl);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "The dashboard UI is unsecured (Dashboard:Frontend:AuthMode=Unsecured): anyone who can reach {Url} sees all telemetry")]
    public static partial void Unsecured(ILogger logger, Uri url);
}
