using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ServiceDefaults.Tests.Support;

namespace ServiceDefaults.Tests;

[Collection(TelemetryCollection.Name)]
public sealed class ServerSpanTests
{
    private const string AspNetCore = "Microsoft.AspNetCore";
    private const string ProbeSource = "ServiceDefaults.Tests.Probe";
    private static readonly ActivitySource Probe = new(ProbeSource);

    [Fact]
    public async Task Server_span_carries_the_http_semantic_conventions_once_each()
    {
        using var capture = new ActivityCapture(AspNetCore);
        await using var app = await TestApp.StartAsync(configureApp: a => a.MapGet("/items/{id}", (int id) => id));
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/items/42?color=red&api_key=s3cr3t");
        request.Headers.Add("traceparent", capture.TraceParent);
        request.Headers.UserAgent.ParseAdd("semconv-test/1.0");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var span = await capture.WaitForAsync(a => a.Source.Name == AspNetCore);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("GET /items/{id}", span.DisplayName);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        var tags = span.TagObjects.ToLookup(t => t.Key, t => t.Value);
        Assert.All(tags, tag => Assert.Single(tag));
        Assert.Equal("GET", tags["http.request.method"].Single());
        Assert.Equal("http", tags["url.scheme"].Single());
        Assert.Equal("/items/42", tags["url.path"].Single());
        Assert.Equal("color=red&api_key=REDACTED", tags["url.query"].Single());
        Assert.Equal("127.0.0.1", tags["server.address"].Single());
        Assert.Equal(app.BaseAddress.Port, tags["server.port"].Single());
        Assert.Equal("1.1", tags["network.protocol.version"].Single());
        Assert.Equal("semconv-test/1.0", tags["user_agent.original"].Single());
        Assert.Equal("127.0.0.1", tags["client.address"].Single());
        Assert.Equal("/items/{id}", tags["http.route"].Single());
        Assert.Equal(200, tags["http.response.status_code"].Single());
        Assert.False(tags.Contains("error.type"));
    }

    [Fact]
    public async Task Exception_marks_the_span_as_error_and_keeps_the_route()
    {
        using var capture = new ActivityCapture(AspNetCore);
        await using var app = await TestApp.StartAsync(configureApp: a =>
            a.MapGet("/orders/{id}/fail", string (int id) => throw new InvalidOperationException("boom")));
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders/7/fail");
        request.Headers.Add("traceparent", capture.TraceParent);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var span = await capture.WaitForAsync(a => a.Source.Name == AspNetCore);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("GET /orders/{id}/fail", span.DisplayName);
        Assert.Equal("/orders/{id}/fail", span.GetTagItem("http.route"));
        Assert.Equal(500, span.GetTagItem("http.response.status_code"));
        Assert.Equal(typeof(InvalidOperationException).FullName, span.GetTagItem("error.type"));
        Assert.Contains(span.Events, e => e.Name == "exception");
    }

    [Fact]
    public async Task Server_error_status_without_exception_sets_error_type_to_the_status_code()
    {
        using var capture = new ActivityCapture(AspNetCore);
        await using var app = await TestApp.StartAsync(configureApp: a =>
            a.MapGet("/unavailable", () => Microsoft.AspNetCore.Http.Results.StatusCode(503)));
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/unavailable");
        request.Headers.Add("traceparent", capture.TraceParent);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var span = await capture.WaitForAsync(a => a.Source.Name == AspNetCore);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("503", span.GetTagItem("error.type"));
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task Probe_requests_and_everything_under_them_are_not_recorded(string path)
    {
        using var capture = new ActivityCapture(AspNetCore, ProbeSource);
        await using var app = await TestApp.StartAsync(
            configureServices: b => b.Services.AddHealthChecks().AddCheck("probe-work", ProbeWork, ["live"]),
            configureApp: a => a.MapGet("/work", () => ProbeWork()));
        using var client = app.CreateClient();

        using var probe = new HttpRequestMessage(HttpMethod.Get, path);
        probe.Headers.Add("traceparent", capture.TraceParent);
        using var probeResponse = await client.SendAsync(probe, TestContext.Current.CancellationToken);
        var probeSpan = await capture.WaitForAsync(a => a.Source.Name == AspNetCore);

        Assert.Equal(HttpStatusCode.OK, probeResponse.StatusCode);
        Assert.False(probeSpan.Recorded);
        var probeChild = Assert.Single(capture.Stopped, a => a.Source.Name == ProbeSource);
        Assert.Equal(probeSpan.SpanId, probeChild.ParentSpanId);
        Assert.False(probeChild.Recorded);

        // The same listener records an ordinary request and its child: the flag was cleared by us.
        using var work = new HttpRequestMessage(HttpMethod.Get, "/work");
        work.Headers.Add("traceparent", capture.TraceParent);
        using var workResponse = await client.SendAsync(work, TestContext.Current.CancellationToken);
        var workSpan = await capture.WaitForAsync(a => a.Source.Name == AspNetCore && a.SpanId != probeSpan.SpanId);
        Assert.True(workSpan.Recorded);
        Assert.Contains(capture.Stopped, a => a.Source.Name == ProbeSource && a.ParentSpanId == workSpan.SpanId && a.Recorded);
    }

    private static HealthCheckResult ProbeWork()
    {
        using var activity = Probe.StartActivity("probe-work");
        return HealthCheckResult.Healthy();
    }
}
