using System.Collections.Concurrent;

namespace Dashboard.Telemetry;

/// <summary>
/// Shares one copy of strings that repeat in every export (attribute keys, span names, small values) so a full store
/// costs a fraction of the memory. Bounded: once full it stops sharing rather than grow.
/// </summary>
internal sealed class StringPool(int capacity = 50_000, int maxLength = 128)
{
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);

    public string Share(string value)
    {
        if (value.Length > maxLength)
        {
            return value;
        }

        if (_strings.TryGetValue(value, out var shared))
        {
            return shared;
        }

        return _strings.Count < capacity ? _strings.GetOrAdd(value, value) : value;
    }
}
