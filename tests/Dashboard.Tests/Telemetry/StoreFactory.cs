using Dashboard.Telemetry;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Telemetry;

internal static class StoreFactory
{
    public static TelemetryStore Create(Action<TelemetryLimits>? limits = null)
    {
        var options = new TelemetryLimits();
        limits?.Invoke(options);
        return new TelemetryStore(Options.Create(options));
    }
}
