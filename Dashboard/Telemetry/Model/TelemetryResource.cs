namespace Dashboard.Telemetry.Model;

/// <summary>Who sent the telemetry: an OTLP resource, named by <c>service.name</c> and told apart by <c>service.instance.id</c>.</summary>
public sealed record TelemetryResource(string ServiceName, string? InstanceId, IReadOnlyList<Attribute> Attributes)
{
    /// <summary>The name the UI shows and filters by: the service name, which the AppHost makes the resource's name.</summary>
    public string Name => ServiceName;
}

/// <summary>One attribute, its value rendered as text.</summary>
public readonly record struct Attribute(string Key, string Value);
