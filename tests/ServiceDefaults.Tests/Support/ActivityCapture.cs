using System.Diagnostics;

namespace ServiceDefaults.Tests.Support;

/// <summary>
/// Records the activities of one trace. Sampling follows the parent's recorded flag, as the
/// OpenTelemetry SDK's default sampler does, so a parent that was unrecorded shows in its children.
/// </summary>
internal sealed class ActivityCapture : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly Signal<Activity> _stopped = new();

    public ActivityCapture(params string[] sources)
    {
        TraceId = ActivityTraceId.CreateRandom();
        _listener = new ActivityListener
        {
            ShouldListenTo = source => sources.Contains(source.Name),
            Sample = Sample,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == TraceId)
                {
                    _stopped.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ActivityTraceId TraceId { get; }

    /// <summary>A sampled W3C traceparent in this capture's trace.</summary>
    public string TraceParent => W3C.SampledTraceParent(TraceId);

    public IReadOnlyList<Activity> Stopped => _stopped.Items;

    /// <summary>The hosting activity stops after the response is sent, so tests wait for it.</summary>
    public Task<Activity> WaitForAsync(Func<Activity, bool> predicate) => _stopped.WaitForAsync(predicate);

    private ActivitySamplingResult Sample(ref ActivityCreationOptions<ActivityContext> options)
    {
        if (options.TraceId != TraceId)
        {
            return ActivitySamplingResult.None;
        }

        return options.Parent.TraceFlags.HasFlag(ActivityTraceFlags.Recorded)
            ? ActivitySamplingResult.AllDataAndRecorded
            : ActivitySamplingResult.PropagationData;
    }

    public void Dispose() => _listener.Dispose();
}
