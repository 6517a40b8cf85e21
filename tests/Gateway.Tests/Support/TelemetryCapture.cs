using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Gateway.Infrastructure;

namespace Gateway.Tests.Support;

/// <summary>Collects the Gateway's finished spans and metric measurements in this process.</summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly ActivityListener _spans;
    private readonly MeterListener _meters = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Activity>> _stopped = new();

    public TelemetryCapture()
    {
        _spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GatewayTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => Stopped(activity.DisplayName).TrySetResult(activity),
        };
        ActivitySource.AddActivityListener(_spans);
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GatewayMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    public ConcurrentQueue<Measurement> Measurements { get; } = new();

    public Task<Activity> SpanAsync(string model) =>
        Stopped($"chat {model}").Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);

    public IReadOnlyList<Measurement> For(string instrument, string? model = null) =>
        [.. Measurements.Where(m => m.Instrument == instrument && (model is null || Equals(m.Tags.GetValueOrDefault("gen_ai.request.model"), model)))];

    private TaskCompletionSource<Activity> Stopped(string name) =>
        _stopped.GetOrAdd(name, _ => new TaskCompletionSource<Activity>(TaskCreationOptions.RunContinuationsAsynchronously));

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct =>
        Measurements.Enqueue(new Measurement(instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));

    public void Dispose()
    {
        _spans.Dispose();
        _meters.Dispose();
    }

    internal sealed record Measurement(string Instrument, double Value, Dictionary<string, object?> Tags);
}
