using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ServiceDefaults.Tests.Support;

namespace ServiceDefaults.Tests;

public sealed class ProblemDetailsTests
{
    private const string Secret = "connection string with password=hunter2";

    [Fact]
    public async Task Malformed_json_body_answers_400_problem_details()
    {
        await using var app = await TestApp.StartAsync(configureApp: a => a.MapPost("/echo", (Payload payload) => payload));
        using var client = app.CreateClient();

        using var response = await client.PostAsync(
            "/echo",
            new StringContent("{\"name\":", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadAsync(response);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task Unhandled_exception_answers_500_problem_details_without_its_message()
    {
        await using var app = await TestApp.StartAsync(configureApp: a =>
            a.MapGet("/boom", string () => throw new InvalidOperationException(Secret)));
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/boom", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(500, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_exception_handler_registered_later_still_gets_the_exception_first()
    {
        await using var app = await TestApp.StartAsync(
            configureServices: b => b.Services.AddExceptionHandler<TeapotHandler>(),
            configureApp: a =>
            {
                a.MapGet("/teapot", string () => throw new NotSupportedException());
                a.MapGet("/other", string () => throw new InvalidOperationException());
            });
        using var client = app.CreateClient();

        using var handledByService = await client.GetAsync("/teapot", TestContext.Current.CancellationToken);
        using var fallback = await client.GetAsync("/other", TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode)StatusCodes.Status418ImATeapot, handledByService.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, fallback.StatusCode);
        Assert.Equal("application/problem+json", fallback.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();

    internal sealed record Payload(string Name);

    private sealed class TeapotHandler : IExceptionHandler
    {
        public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not NotSupportedException)
            {
                return ValueTask.FromResult(false);
            }

            httpContext.Response.StatusCode = StatusCodes.Status418ImATeapot;
            return ValueTask.FromResult(true);
        }
    }
}
