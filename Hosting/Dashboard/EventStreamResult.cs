using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hosting.Dashboard;

/// <summary>
/// Writes a stream as server-sent events (<c>data: {json}</c>, flushed per event) with a <c>: keep-alive</c> comment
/// every <see cref="ResourceServiceSettings.KeepAliveInterval"/>, until the client goes away or the service stops.
/// </summary>
internal sealed class EventStreamResult<T>(Func<CancellationToken, IAsyncEnumerable<T>> events, JsonTypeInfo<T> typeInfo) : IResult
{
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] KeepAlive = ": keep-alive\n\n"u8.ToArray();

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var services = httpContext.RequestServices;
        var keepAlive = services.GetRequiredService<ResourceServiceSettings>().KeepAliveInterval;
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(
            httpContext.RequestAborted, services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        var response = httpContext.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        try
        {
            await response.Body.FlushAsync(ending.Token); // the headers now: the client knows it is connected
            await WriteAsync(response.Body, keepAlive, ending);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client went away (a failed write says so, sometimes before RequestAborted does) or the service is
            // stopping: the stream simply ends.
        }
    }

    private async Task WriteAsync(Stream body, TimeSpan keepAlive, CancellationTokenSource ending)
    {
        var enumerator = events(ending.Token).GetAsyncEnumerator(ending.Token);
        var next = enumerator.MoveNextAsync().AsTask();
        Task? tick = null;
        try
        {
            while (true)
            {
                tick ??= Task.Delay(keepAlive, ending.Token);
                if (await Task.WhenAny(next, tick) == tick)
                {
                    await tick; // throws when the stream is ending
                    await body.WriteAsync(KeepAlive, ending.Token);
                    await body.FlushAsync(ending.Token);
                    tick = null;
                    continue;
                }

                if (!await next)
                {
                    return;
                }

                await WriteEventAsync(body, enumerator.Current, ending.Token);
                next = enumerator.MoveNextAsync().AsTask();
            }
        }
        finally
        {
            // An async iterator must not be disposed while a MoveNextAsync is pending: end it first.
            await ending.CancelAsync();
            await ((Task)next).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await enumerator.DisposeAsync();
        }
    }

    private async Task WriteEventAsync(Stream body, T value, CancellationToken cancellationToken)
    {
        // Compact JSON never contains a raw newline, so one data line per event.
        await body.WriteAsync(DataPrefix, cancellationToken);
        await body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo), cancellationToken);
        await body.WriteAsync(EventEnd, cancellationToken);
        await body.FlushAsync(cancellationToken);
    }
}
