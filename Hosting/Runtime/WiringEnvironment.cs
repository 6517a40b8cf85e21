using Hosting.Processes;

namespace Hosting.Runtime;

/// <summary>
/// The part of a process's environment the AppHost wired in (connection strings, service URLs, OTLP settings, ports,
/// <c>WithEnvironment</c> values), without what the process inherits from the AppHost. Derived from the spec the
/// plan built, so it follows whatever <see cref="RunContext.ServiceEnvironment"/> adds.
/// </summary>
internal static class WiringEnvironment
{
    public static IReadOnlyList<KeyValuePair<string, string>> Of(Resource resource, ProcessSpec spec)
    {
        var inherited = RunContext.InheritedEnvironment();
        return [.. spec.Environment
            .Where(variable => resource.Environment.ContainsKey(variable.Key)
                || !inherited.TryGetValue(variable.Key, out var value)
                || value != variable.Value)
            .OrderBy(variable => variable.Key, StringComparer.Ordinal)];
    }
}
