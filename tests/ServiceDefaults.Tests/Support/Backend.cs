using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ServiceDefaults.Tests.Support;

/// <summary>
/// A downstream service whose answers the test scripts per attempt (1-based): it counts the
/// attempts it saw, so a test can tell a retry from a single call.
/// </summary>
internal sealed class Backend : IAsyncDisposable
{
    private readonly Func<HttpContext, int, Task> _respond;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _bodies = new();
    private TestApp? _app;
    private int _attempts;

    private Backend(Func<HttpContext, int, Task> respond) => _respond = respond;

    public int Attempts => Volatile.Read(ref _attempts);

    public Uri BaseAddress => _app!.BaseAddress;

    /// <summary>The request body each attempt carried, in order.</summary>
    public IReadOnlyList<string> Bodies => [.. _bodies];

    public static async Task<Backend> StartAsync(Func<HttpContext, int, Task> respond)
    {
        var backend = new Backend(respond);
        backend._app = await TestApp.StartAsync(
            serviceDefaults: false,
            configureApp: app => app.Map("/{**path}", backend.HandleAsync));
        return backend;
    }

    /// <summary>Answers <paramref name="failures"/> times with <paramref name="status"/>, then 200 "ok".</summary>
    public static Task<Backend> FailingAsync(int failures, int status) => StartAsync(async (context, attempt) =>
    {
        if (attempt <= failures)
        {
            context.Response.StatusCode = status;
            return;
        }

        await context.Response.WriteAsync("ok", context.RequestAborted);
    });

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        _bodies.Enqueue(await reader.ReadToEndAsync(context.RequestAborted));
        await _respond(context, Interlocked.Increment(ref _attempts));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
