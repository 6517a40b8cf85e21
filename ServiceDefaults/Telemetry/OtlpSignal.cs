namespace ServiceDefaults.Telemetry;

/// <summary>The three OTLP signals; with http/protobuf each has its own path under the base endpoint.</summary>
internal enum OtlpSignal
{
    Traces,
    Metrics,
    Logs,
}
