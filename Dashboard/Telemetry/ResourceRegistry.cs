using System.Collections.Concurrent;
using Dashboard.Telemetry.Model;

namespace Dashboard.Telemetry;

/// <summary>One <see cref="TelemetryResource"/> per service instance, however many exports it sends.</summary>
internal sealed class ResourceRegistry(OtlpConverter converter)
{
    private const string UnknownService = "unknown_service";
    private readonly ConcurrentDictionary<(string Service, string? Instance), TelemetryResource> _resources = new();

    public event Action? Added;

    public TelemetryResource Get(OpenTelemetry.Proto.Resource.V1.Resource? resource)
    {
        string? service = null;
        string? instance = null;
        foreach (var attribute in resource?.Attributes ?? [])
        {
            if (attribute.Key == "service.name")
            {
                service = attribute.Value?.StringValue;
            }
            else if (attribute.Key == "service.instance.id")
            {
                instance = attribute.Value?.StringValue;
            }
        }

        var key = (string.IsNullOrEmpty(service) ? UnknownService : service, string.IsNullOrEmpty(instance) ? null : instance);
        if (_resources.TryGetValue(key, out var known))
        {
            return known;
        }

        var created = _resources.GetOrAdd(key, k => new TelemetryResource(
            converter.Share(k.Service), k.Instance, converter.Attributes(resource?.Attributes ?? [])));
        Added?.Invoke();
        return created;
    }

    public IReadOnlyList<TelemetryResource> All => [.. _resources.Values.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.InstanceId, StringComparer.Ordinal)];

    /// <summary>Distinct service names, for filters.</summary>
    public IReadOnlyList<string> Names => [.. _resources.Keys.Select(k => k.Service).Distinct().Order(StringComparer.Ordinal)];
}
