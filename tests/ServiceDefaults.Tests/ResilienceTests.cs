using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ServiceDefaults.Tests.Support;

namespace ServiceDefaults.Tests;

public sealed class ResilienceTests
{
    [Fact]
    public async Task Transient_503_is_retried_until_success()
    {
        await using var backend = await Backend.FailingAsync(failures: 1, status: StatusCodes.Status503ServiceUnavailable);
        await using var caller = await StartCallerAsync();
        using var client = CreateClient(caller);

        using var response = await client.GetAsync(backend.BaseAddress, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, backend.Attempts);
    }

    [Fact]
    public async Task Retries_stop_at_MaxRetryAttempts_and_the_last_answer_is_returned()
    {
        await using var backend = await Backend.FailingAsync(failures: int.MaxValue, status: StatusCodes.Status503ServiceUnavailable);
        await using var caller = await StartCallerAsync(maxRetryAttempts: 2);
        using var client = CreateClient(caller);

        using var response = await client.GetAsync(backend.BaseAddress, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(3, backend.Attempts);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        await using var backend = await Backend.FailingAsync(failures: 1, status: StatusCodes.Status404NotFound);
        await using var caller = await StartCallerAsync();
        using var client = CreateClient(caller);

        using var response = await client.GetAsync(backend.BaseAddress, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(1, backend.Attempts);
    }

    [Fact]
    public async Task Buffered_body_is_sent_again_on_retry()
    {
        await using var backend = await Backend.FailingAsync(failures: 1, status: StatusCodes.Status503ServiceUnavailable);
        await using var caller = await StartCallerAsync();
        using var client = CreateClient(caller);

        using var response = await client.PostAsync(backend.BaseAddress, new StringContent("hello"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["hello", "hello"], backend.Bodies);
    }

    [Theory]
    [InlineData(StatusCodes.Status500InternalServerError)]
    [InlineData(StatusCodes.Status502BadGateway)]
    [InlineData(StatusCodes.Status504GatewayTimeout)]
    public async Task A_post_that_may_have_been_processed_is_not_retried(int status)
    {
        await using var backend = await Backend.FailingAsync(failures: 1, status: status);
        await using var caller = await StartCallerAsync();
        using var client = CreateClient(caller);

        using var response = await client.PostAsync(backend.BaseAddress, new StringContent("charge me once"), TestContext.Current.CancellationToken);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(1, backend.Attempts);
    }

    [Fact]
    public async Task A_post_that_timed_out_waiting_for_headers_is_not_retried()
    {
        await using var backend = await Backend.StartAsync(async (context, _) => await Task.Delay(Timeout.Infinite, context.RequestAborted));
        await using var caller = await StartCallerAsync(attemptTimeout: "00:00:01");
        using var client = CreateClient(caller);

        await Assert.ThrowsAnyAsync<Exception>(() => client.PostAsync(backend.BaseAddress, new StringContent("slow"), TestContext.Current.CancellationToken));

        Assert.Equal(1, backend.Attempts);
    }

    [Fact]
    public async Task Streamed_request_body_that_cannot_be_resent_is_not_retried()
    {
        await using var backend = await Backend.FailingAsync(failures: int.MaxValue, status: StatusCodes.Status503ServiceUnavailable);
        await using var caller = await StartCallerAsync();
        using var client = CreateClient(caller);
        using var content = new StreamContent(new OneShotStream("upload"u8.ToArray()));

        using var response = await client.PostAsync(backend.BaseAddress, content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, backend.Attempts);
    }

    [Fact]
    public async Task Attempt_that_gets_no_headers_in_time_is_abandoned_and_retried()
    {
        await using var backend = await Backend.StartAsync(async (context, attempt) =>
        {
            if (attempt == 1)
            {
                // Hangs until the client gives up on this attempt.
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }

            await context.Response.WriteAsync("second", context.RequestAborted);
        });
        await using var caller = await StartCallerAsync(attemptTimeout: "00:00:01");
        using var client = CreateClient(caller);

        var answer = await client.GetStringAsync(backend.BaseAddress, TestContext.Current.CancellationToken);

        Assert.Equal("second", answer);
        Assert.Equal(2, backend.Attempts);
    }

    [Fact]
    public async Task Streamed_response_outlives_both_timeouts_once_headers_arrived()
    {
        await using var backend = await Backend.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: first\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);

            // The stream goes on past the total timeout: that is the point of the test, not a wait.
            await Task.Delay(TimeSpan.FromSeconds(2.5), context.RequestAborted);
            await context.Response.WriteAsync("data: second\n\n", context.RequestAborted);
        });
        await using var caller = await StartCallerAsync(attemptTimeout: "00:00:01", totalTimeout: "00:00:01.500");
        using var client = CreateClient(caller);

        using var response = await client.GetAsync(backend.BaseAddress, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("data: first\n\ndata: second\n\n", body);
        Assert.Equal(1, backend.Attempts);
    }

    [Fact]
    public async Task Retry_after_header_sets_the_delay()
    {
        await using var backend = await Backend.StartAsync(async (context, attempt) =>
        {
            if (attempt == 1)
            {
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "1";
                return;
            }

            await context.Response.WriteAsync("ok", context.RequestAborted);
        });
        await using var caller = await StartCallerAsync();
        using var client = CreateClient(caller);
        var stopwatch = Stopwatch.StartNew();

        using var response = await client.GetAsync(backend.BaseAddress, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, backend.Attempts);

        // The configured backoff is 10 ms; only the header explains a wait of a second.
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(950), $"retried after {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Retry_after_beyond_the_total_timeout_hands_the_response_back()
    {
        await using var backend = await Backend.StartAsync((context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "3600";
            return Task.CompletedTask;
        });
        await using var caller = await StartCallerAsync();
        using var client = CreateClient(caller);

        using var response = await client.GetAsync(backend.BaseAddress, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1), response.Headers.RetryAfter?.Delta);
        Assert.Equal(1, backend.Attempts);
    }

    private static Task<TestApp> StartCallerAsync(int maxRetryAttempts = 3, string attemptTimeout = "00:00:10", string totalTimeout = "00:00:30") =>
        TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["HttpClientDefaults:MaxRetryAttempts"] = maxRetryAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HttpClientDefaults:RetryDelay"] = "00:00:00.010",
            ["HttpClientDefaults:AttemptTimeout"] = attemptTimeout,
            ["HttpClientDefaults:TotalTimeout"] = totalTimeout,
        });

    private static HttpClient CreateClient(TestApp caller) =>
        caller.Services.GetRequiredService<IHttpClientFactory>().CreateClient();

    /// <summary>A body that can be read once, like a proxied upload.</summary>
    private sealed class OneShotStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
