using System.Diagnostics;

namespace ServiceDefaults.Tests.Support;

internal static class W3C
{
    /// <summary>A traceparent header that puts the server span in a trace the test chose.</summary>
    public static string SampledTraceParent(ActivityTraceId traceId) => $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01";
}
