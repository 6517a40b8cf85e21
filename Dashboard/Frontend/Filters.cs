using System.Globalization;
using Dashboard.Telemetry;
using Dashboard.Telemetry.Model;
using Microsoft.AspNetCore.WebUtilities;
using LogLevel = Dashboard.Telemetry.Model.LogLevel;

namespace Dashboard.Frontend;

/// <summary>The trace list's filters, as they travel in the query string of the page and of its fragment.</summary>
public sealed record TraceFilter(string? Resource, string? Text, int? MinMilliseconds, bool ErrorsOnly)
{
    public static TraceFilter From(IQueryCollection query) => new(
        Value(query, "resource"), Value(query, "text"), Int(query, "minMs"), Value(query, "errors") is "on" or "true");

    public TraceQuery ToQuery() => new(Resource, Text, MinMilliseconds is > 0 ? TimeSpan.FromMilliseconds(MinMilliseconds.Value) : null, ErrorsOnly);

    public string QueryString() => Query(("resource", Resource), ("text", Text), ("minMs", MinMilliseconds?.ToString(CultureInfo.InvariantCulture)), ("errors", ErrorsOnly ? "on" : null));

    internal static string? Value(IQueryCollection query, string key) => query[key].ToString() is { Length: > 0 } value ? value : null;

    internal static int? Int(IQueryCollection query, string key) =>
        int.TryParse(query[key].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    internal static string Query(params (string Key, string? Value)[] values) =>
        QueryHelpers.AddQueryString("", values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => KeyValuePair.Create(v.Key, v.Value)));
}

/// <summary>The structured log list's filters.</summary>
public sealed record LogFilter(string? Resource, LogLevel MinLevel, string? Text, string? Attribute, string? TraceId)
{
    public static LogFilter From(IQueryCollection query) => new(
        TraceFilter.Value(query, "resource"),
        Enum.TryParse<LogLevel>(query["level"].ToString(), ignoreCase: true, out var level) && Enum.IsDefined(level) ? level : LogLevel.Unspecified,
        TraceFilter.Value(query, "text"),
        TraceFilter.Value(query, "attribute"),
        TraceFilter.Value(query, "traceId"));

    public LogQuery ToQuery() => new(Resource, MinLevel, Text, Attribute, Telemetry.Model.TraceId.TryParse(TraceId, out var id) ? id : null);

    public string QueryString() => TraceFilter.Query(
        ("resource", Resource), ("level", MinLevel == LogLevel.Unspecified ? null : MinLevel.ToString()), ("text", Text), ("attribute", Attribute), ("traceId", TraceId));
}

/// <summary>The metrics page's selection: a service, an instrument, dimension filters (<c>dim.{key}={value}</c>), a window.</summary>
public sealed record MetricSelection(string? Resource, string? Scope, string? Instrument, IReadOnlyDictionary<string, string> Dimensions, int Minutes)
{
    public const string DimensionPrefix = "dim.";

    public static MetricSelection From(IQueryCollection query) => new(
        TraceFilter.Value(query, "resource"),
        query["scope"].ToString(),
        TraceFilter.Value(query, "instrument"),
        query.Where(q => q.Key.StartsWith(DimensionPrefix, StringComparison.Ordinal) && q.Value.ToString().Length > 0)
            .ToDictionary(q => q.Key[DimensionPrefix.Length..], q => q.Value.ToString(), StringComparer.Ordinal),
        Math.Clamp(TraceFilter.Int(query, "minutes") ?? 5, 1, 24 * 60));

    public string QueryString() => TraceFilter.Query(
        [("resource", Resource), ("scope", Scope), ("instrument", Instrument), ("minutes", Minutes.ToString(CultureInfo.InvariantCulture)),
         .. Dimensions.Select(d => (DimensionPrefix + d.Key, (string?)d.Value))]);

    public string Link(InstrumentRecord instrument) => "metrics" + TraceFilter.Query(
        ("resource", instrument.ResourceName), ("scope", instrument.Scope), ("instrument", instrument.Name), ("minutes", Minutes.ToString(CultureInfo.InvariantCulture)));
}
