using System.Net;

namespace Dashboard.Otlp;

/// <summary>The receivers' log lines (EventIds 2000–2099). Never the API key.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "OTLP/{Transport} receiver listening on {Url}")]
    public static partial void ReceiverListening(ILogger logger, string transport, Uri url);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "OTLP/{Transport} receiver is off because Dashboard:Otlp:{Key} is empty")]
    public static partial void ReceiverOff(ILogger logger, string transport, string key);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "The OTLP receivers accept telemetry without an API key (Dashboard:Otlp:AuthMode=Unsecured)")]
    public static partial void ReceiversUnsecured(ILogger logger);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "Rejected an OTLP/{Transport} export to {Path} from {RemoteAddress}: missing or wrong x-otlp-api-key header")]
    public static partial void RejectedUnauthenticated(ILogger logger, string transport, string path, IPAddress? remoteAddress);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "Rejected an OTLP/{Transport} export to {Path} from {RemoteAddress}: {Reason}")]
    public static partial void RejectedExport(ILogger logger, string transport, string path, IPAddress? remoteAddress, string reason);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Debug, Message = "OTLP/{Transport} export of {Signal} partly accepted: {Rejected} rejected ({ErrorMessage})")]
    public static partial void PartlyAccepted(ILogger logger, string transport, string signal, long rejected, string? errorMessage);
}
