using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Api.Features.Realtime;

/// <summary>
/// A project's events as <c>text/event-stream</c>: a <c>retry</c> hint, a <c>: subscribed</c> comment once live events
/// flow, the kept events after <c>Last-Event-ID</c>, then live events and heartbeat comments until the client leaves
/// or the project is deleted.
/// </summary>
public sealed class EventStreamResult(Guid projectId, long? lastEventId) : IResult, IEndpointMetadataProvider
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var services = httpContext.RequestServices;
        var events = services.GetRequiredService<ProjectEvents>();
        var logger = services.GetRequiredService<ILogger<EventStreamResult>>();
        var aborted = httpContext.RequestAborted;

        // Subscribe before answering, so a Redis outage is a 503 ProblemDetails rather than a stream that never speaks.
        ProjectEventSubscription subscription;
        try
        {
            subscription = await events.SubscribeAsync(projectId, aborted);
        }
        catch (Exception exception) when (exception is EventBusUnavailableException or RedisException or TimeoutException)
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Events unavailable",
                detail: "The event bus (Redis) cannot be reached; try again shortly.").ExecuteAsync(httpContext);
            return;
        }

        await using var _ = subscription;
        StartResponse(httpContext.Response);
        var writer = new EventStreamWriter(httpContext.Response.Body, lastEventId);
        await writer.WriteCommentAsync("retry: 3000\n: subscribed", aborted);
        Log.StreamOpened(logger, projectId, lastEventId);

        var ended = lastEventId is not null && await writer.WriteAllAsync(await events.RecentAsync(projectId, aborted), aborted);
        if (!ended)
        {
            await PumpAsync(subscription, writer, services, aborted);
        }

        if (subscription.Overflowed)
        {
            Log.StreamOverflowed(logger, projectId, ProjectEventSubscription.Capacity);
        }

        Log.StreamClosed(logger, projectId);
    }

    private static void StartResponse(HttpResponse response)
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache, no-transform";
        // nginx buffers proxied answers unless told not to; a buffered stream is no stream.
        response.Headers["X-Accel-Buffering"] = "no";
        response.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
    }

    private static async Task PumpAsync(
        ProjectEventSubscription subscription, EventStreamWriter writer, IServiceProvider services, CancellationToken aborted)
    {
        var heartbeat = services.GetRequiredService<IOptions<RealtimeOptions>>().Value.HeartbeatInterval;
        var time = services.GetRequiredService<TimeProvider>();
        try
        {
            while (await WaitAsync(subscription, heartbeat, time, aborted) is { } ready)
            {
                if (!ready)
                {
                    await writer.WriteCommentAsync(": heartbeat", aborted);
                }
                else if (subscription.Events.TryRead(out var payload) && await writer.WriteAsync(payload, aborted))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away: the normal end of a stream.
        }
    }

    // True when an event is ready, false when the heartbeat interval passed first, null when the subscription ended.
    private static async Task<bool?> WaitAsync(ProjectEventSubscription subscription, TimeSpan heartbeat, TimeProvider time, CancellationToken aborted)
    {
        using var timeout = new CancellationTokenSource(heartbeat, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, aborted);
        try
        {
            return await subscription.Events.WaitToReadAsync(linked.Token) ? true : null;
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            return false;
        }
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["text/event-stream"]));

    internal static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
