using System.Buffers;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Gateway.Bench.Stub;

/// <summary>
/// The upstream every target ends at: bare Kestrel on loopback with one terminal handler (no routing, no logging), so
/// what it costs is as little as .NET can make it and the same for all three targets.
/// </summary>
internal static class StubServer
{
    public static async Task RunAsync(int port)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port);
        });
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.RunAsync();
    }

    private static async Task HandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path != "/v1/messages")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var stream = await AsksForStreamAsync(context.Request);
        var response = context.Response;
        response.Headers["request-id"] = StubReplies.RequestId;
        if (!stream)
        {
            response.ContentType = "application/json";
            response.ContentLength = StubReplies.Message.Length;
            await response.BodyWriter.WriteAsync(StubReplies.Message, context.RequestAborted);
            return;
        }

        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        foreach (var e in StubReplies.Events)
        {
            // One write (and so one flush, one chunk) per event, the text deltas apart in time as a model's tokens are.
            if (StubReplies.IsDelta(e))
            {
                await Task.Delay(StubReplies.TokenGap, context.RequestAborted);
            }

            await response.BodyWriter.WriteAsync(e, context.RequestAborted);
        }
    }

    private static async Task<bool> AsksForStreamAsync(HttpRequest request)
    {
        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(request.HttpContext.RequestAborted);
            if (read.IsCompleted)
            {
                var stream = StreamFlag.IsSet(read.Buffer.IsSingleSegment ? read.Buffer.FirstSpan : read.Buffer.ToArray());
                reader.AdvanceTo(read.Buffer.End);
                return stream;
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }
}
