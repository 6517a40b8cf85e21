namespace ServiceDefaults.Tests.Support;

/// <summary>
/// Activity listeners and tracer providers see every activity in the process; the tests that use
/// them also filter by their own trace ids, and run apart from the rest so that no other test's
/// listener changes what gets sampled.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
