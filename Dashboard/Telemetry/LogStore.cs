using Dashboard.Telemetry.Model;
using OpenTelemetry.Proto.Collector.Logs.V1;
using LogLevel = Dashboard.Telemetry.Model.LogLevel;

namespace Dashboard.Telemetry;

/// <summary>Filters of the structured log list; <see cref="Attribute"/> is <c>key=value</c> or <c>key</c> alone.</summary>
public sealed record LogQuery(
    string? Resource = null, LogLevel MinLevel = LogLevel.Unspecified, string? Text = null, string? Attribute = null, TraceId? TraceId = null, int Limit = 500);

/// <summary>Structured log records, newest kept, oldest evicted once the cap is reached.</summary>
public sealed class LogStore
{
    private readonly Ring<LogEntry> _entries;
    private readonly Lock _gate = new();
    private readonly OtlpConverter _converter;
    private readonly ResourceRegistry _resources;
    private long _sequence;

    internal LogStore(TelemetryLimits limits, OtlpConverter converter, ResourceRegistry resources)
    {
        _entries = new Ring<LogEntry>(limits.MaxLogCount);
        _converter = converter;
        _resources = resources;
    }

    public event Action? Changed;

    public int Count
    {
        get { lock (_gate) { return _entries.Count; } }
    }

    public long Evicted { get; private set; }

    internal IngestResult Add(ExportLogsServiceRequest request)
    {
        var entries = new List<(TelemetryResource, string, OpenTelemetry.Proto.Logs.V1.LogRecord)>();
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var resource = _resources.Get(resourceLogs.Resource);
            foreach (var scopeLogs in resourceLogs.ScopeLogs)
            {
                var scope = _converter.Share(scopeLogs.Scope?.Name ?? "");
                entries.AddRange(scopeLogs.LogRecords.Select(r => (resource, scope, r)));
            }
        }

        lock (_gate)
        {
            foreach (var (resource, scope, record) in entries)
            {
                if (_entries.Add(ToEntry(resource, scope, record, ++_sequence)))
                {
                    Evicted++;
                }
            }
        }

        Changed?.Invoke();
        return IngestResult.Accepted;
    }

    private LogEntry ToEntry(TelemetryResource resource, string scope, OpenTelemetry.Proto.Logs.V1.LogRecord record, long sequence)
    {
        var time = record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano;
        var attributes = _converter.Attributes(record.Attributes);
        return new LogEntry
        {
            Sequence = sequence,
            Resource = resource,
            Scope = scope,
            Timestamp = OtlpConverter.ToDateTime(time),
            Level = LogEntry.LevelOf((int)record.SeverityNumber),
            SeverityText = string.IsNullOrEmpty(record.SeverityText) ? null : _converter.Share(record.SeverityText),
            Message = _converter.Text(MessageTemplate.Render(OtlpConverter.ValueText(record.Body), attributes)),
            Attributes = attributes,
            TraceId = TraceId.From(record.TraceId),
            SpanId = SpanId.From(record.SpanId),
            EventName = string.IsNullOrEmpty(record.EventName) ? null : _converter.Share(record.EventName),
        };
    }

    /// <summary>Entries matching the query, newest first, and how many matched in all.</summary>
    public (IReadOnlyList<LogEntry> Entries, int Total) Query(LogQuery query)
    {
        var (key, value) = SplitAttribute(query.Attribute);
        var results = new List<LogEntry>();
        var total = 0;
        lock (_gate)
        {
            for (var i = _entries.Count - 1; i >= 0; i--)
            {
                var entry = _entries[i];
                if (Matches(entry, query, key, value))
                {
                    total++;
                    if (results.Count < query.Limit)
                    {
                        results.Add(entry);
                    }
                }
            }
        }

        return (results, total);
    }

    private static (string? Key, string? Value) SplitAttribute(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return (null, null);
        }

        var equals = filter.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (filter.Trim(), null) : (filter[..equals].Trim(), filter[(equals + 1)..].Trim());
    }

    private static bool Matches(LogEntry entry, LogQuery query, string? key, string? value)
    {
        if (entry.Level < query.MinLevel
            || (query.Resource is { Length: > 0 } resource && entry.Resource.Name != resource)
            || (query.TraceId is { } traceId && entry.TraceId != traceId))
        {
            return false;
        }

        if (query.Text is { Length: > 0 } text && !entry.Message.Contains(text, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return key is null || entry.Attributes.Any(a =>
            a.Key.Equals(key, StringComparison.OrdinalIgnoreCase) && (value is null || a.Value.Equals(value, StringComparison.OrdinalIgnoreCase)));
    }

    internal void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }

        Changed?.Invoke();
    }
}
