using System.Net;
using System.Text.Json;
using Hosting.Dashboard;

namespace Hosting.Tests;

/// <summary>The HTTP resource service the dashboard talks to, against real processes.</summary>
public class ResourceServiceTests
{
    private const string ApiKey = "test-key-0123456789";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static Task<RunningApp> StartWebAsync() =>
        RunningApp.StartAsync((builder, state) => builder.AddWebServer("web", state));

    private static async Task<(ResourceServiceHost Service, ResourceServiceCaller Caller)> ServeAsync(
        RunningApp running, ResourceServiceSettings? settings = null)
    {
        var service = await ResourceServiceHost.StartAsync(running.App.Orchestrator, ApiKey, settings ?? ResourceServiceSettings.Default, Cancellation);
        return (service, ResourceServiceCaller.Create(service.Url, ApiKey));
    }

    [Fact]
    public async Task Requests_without_the_right_key_are_refused()
    {
        await using var running = await StartWebAsync();
        var (service, _) = await ServeAsync(running);
        await using var _service = service;
        using var anonymous = ResourceServiceCaller.Create(service.Url, apiKey: null);
        using var wrongKey = ResourceServiceCaller.Create(service.Url, "test-key-0123456788");
        using var rightKey = ResourceServiceCaller.Create(service.Url, ApiKey);
        var pid = running.Get("web").ProcessId!.Value;

        var withoutKey = await anonymous.Http.GetAsync("api/v1/resources", Cancellation);
        var withWrongKey = await wrongKey.Http.GetAsync("api/v1/resources", Cancellation);
        var stopWithWrongKey = await wrongKey.Http.PostAsync("api/v1/resources/web/commands/stop", null, Cancellation);
        var withKey = await rightKey.Http.GetAsync("api/v1/resources", Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withWrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stopWithWrongKey.StatusCode);
        Assert.True(TestResources.IsAlive(pid));
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        Assert.True(service.Url.IsLoopback);
    }

    [Fact]
    public async Task The_resource_list_masks_secrets_and_leaves_out_the_inherited_environment()
    {
        await using var running = await RunningApp.StartAsync(
            (builder, state) =>
            {
                var key = builder.AddParameter("upstream-key", secret: true);
                builder.AddWebServer("web", state)
                    .WithEnvironment("UPSTREAM_CREDENTIAL", key)
                    .WithEnvironment("ConnectionStrings__legacy", "Host=db;Username=app;Password=hunter2-pw;Database=x")
                    .WithEnvironment("ConnectionStrings__cache", "127.0.0.1:6379,password=redis-pw-7")
                    .WithEnvironment("SERVICE_TOKEN", "tok-123")
                    .WithEnvironment("GREETING", "hello");
            },
            ("Parameters:upstream-key", "s3cr3t-Value-42"),
            ("AppHost:OtlpEndpoint", "http://127.0.0.1:4317"),
            ("AppHost:OtlpHeaders", "x-otlp-api-key=otlp-key-9"));
        var (service, caller) = await ServeAsync(running);
        await using var _service = service;
        using var _caller = caller;

        var body = await caller.Http.GetStringAsync("api/v1/resources", Cancellation);

        foreach (var secret in new[] { "s3cr3t-Value-42", "hunter2-pw", "redis-pw-7", "tok-123", "otlp-key-9" })
        {
            Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        }

        var resources = JsonDocument.Parse(body).RootElement.EnumerateArray().ToList();
        Assert.Equal(["upstream-key", "web"], resources.Select(r => r.GetProperty("name").GetString()));
        var parameter = resources[0];
        Assert.Equal("parameter", parameter.GetProperty("kind").GetString());
        Assert.Empty(parameter.GetProperty("commands").EnumerateArray());
        Assert.Empty(parameter.GetProperty("environment").EnumerateArray());

        var web = resources[1];
        Assert.Equal("Running", web.GetProperty("state").GetString());
        Assert.Equal(running.Get("web").ProcessId, web.GetProperty("processId").GetInt32());
        Assert.Equal(0, web.GetProperty("restarts").GetInt32());
        Assert.Equal(running.App.GetEndpoint("web").ToString().TrimEnd('/'), web.GetProperty("urls")[0].GetString());
        Assert.Equal(["stop", "restart"], web.GetProperty("commands").EnumerateArray().Select(c => c.GetString()));
        var environment = web.GetProperty("environment").EnumerateArray()
            .ToDictionary(v => v.GetProperty("name").GetString()!, v => (Value: v.GetProperty("value").GetString(), IsSecret: v.GetProperty("isSecret").GetBoolean()));
        Assert.Equal(("********", true), environment["UPSTREAM_CREDENTIAL"]);
        Assert.Equal(("Host=db;Username=app;Password=********;Database=x", true), environment["ConnectionStrings__legacy"]);
        Assert.Equal(("127.0.0.1:6379,password=********", true), environment["ConnectionStrings__cache"]);
        Assert.Equal(("********", true), environment["SERVICE_TOKEN"]);
        Assert.Equal(("********", true), environment["OTEL_EXPORTER_OTLP_HEADERS"]);
        Assert.Equal(("hello", false), environment["GREETING"]);
        Assert.Equal(("http://127.0.0.1:4317", false), environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal(("web", false), environment["OTEL_SERVICE_NAME"]);
        Assert.Equal(running.App.GetEndpoint("web").Port.ToString(System.Globalization.CultureInfo.InvariantCulture), environment["PORT"].Value);
        Assert.NotNull(Environment.GetEnvironmentVariable("PATH"));
        Assert.DoesNotContain("PATH", environment.Keys);
        Assert.DoesNotContain("HOME", environment.Keys);
    }

    [Fact]
    public async Task The_watch_stream_shows_a_stop_and_a_start()
    {
        await using var running = await StartWebAsync();
        var (service, caller) = await ServeAsync(running);
        await using var _service = service;
        using var _caller = caller;
        var first = running.Get("web").ProcessId;
        await using var events = caller.EventsAsync("api/v1/resources/watch", Cancellation).GetAsyncEnumerator(Cancellation);
        await events.ReadUntilAsync(r => r.IsResource("web", "Running"));

        var stop = await caller.Http.PostAsync("api/v1/resources/web/commands/stop", null, Cancellation);
        var stopped = (await events.ReadUntilAsync(r => r.IsResource("web", "Finished")))[^1];
        var start = await caller.Http.PostAsync("api/v1/resources/web/commands/start", null, Cancellation);
        var started = (await events.ReadUntilAsync(r => r.IsResource("web", "Running")))[^1];

        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        Assert.True(JsonDocument.Parse(await stop.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("succeeded").GetBoolean());
        Assert.Equal("stopped by the user", stopped.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, stopped.GetProperty("processId").ValueKind);
        Assert.Equal(["start"], stopped.GetProperty("commands").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.NotEqual(first, started.GetProperty("processId").GetInt32());
        Assert.Equal(["stop", "restart"], started.GetProperty("commands").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task The_logs_stream_sends_the_backlog_then_live_lines_once_each()
    {
        var marker = Path.Combine(Path.GetTempPath(), $"talker-{Guid.NewGuid():N}");
        await using var running = await RunningApp.StartAsync((builder, _) => builder.AddTalker("talker", marker));
        var (service, caller) = await ServeAsync(running);
        await using var _service = service;
        using var _caller = caller;
        var log = running.App.ResourceLogs["talker"];
        string[] backlog = ["backlog-1", "backlog-2"];
        await TestResources.EventuallyAsync(() => log.Snapshot().Count(l => backlog.Contains(l.Text)) == 2, RunningApp.Timeout, "the talker did not write its backlog");

        await using var events = caller.EventsAsync("api/v1/resources/talker/logs", Cancellation).GetAsyncEnumerator(Cancellation);
        var seenBacklog = 0;
        var lines = await events.ReadUntilAsync(l => backlog.Contains(l.GetProperty("text").GetString()) && ++seenBacklog == 2);
        File.WriteAllText(marker, "");
        lines.AddRange(await events.ReadUntilAsync(l => l.GetProperty("text").GetString() == "live-1"));
        File.Delete(marker);

        // stdout and stderr are separate pipes: which of the two backlog lines came first is up to the reader threads.
        var texts = lines.Select(l => l.GetProperty("text").GetString()).ToList();
        Assert.Equal(["backlog-1", "backlog-2"], texts.Where(t => backlog.Contains(t)).Order());
        Assert.Equal("live-1", texts[^1]);
        var sequences = lines.Select(l => l.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Distinct().Count(), sequences.Count);
        Assert.True(lines.Single(l => l.GetProperty("text").GetString() == "backlog-2").GetProperty("isError").GetBoolean());
        Assert.True(lines[0].TryGetProperty("timestamp", out _));
    }

    [Fact]
    public async Task The_apphost_log_is_served_and_an_unknown_resource_is_404()
    {
        await using var running = await StartWebAsync();
        var (service, caller) = await ServeAsync(running);
        await using var _service = service;
        using var _caller = caller;

        await using var events = caller.EventsAsync("api/v1/resources/apphost/logs", Cancellation).GetAsyncEnumerator(Cancellation);
        await events.ReadUntilAsync(l => l.GetProperty("text").GetString()!.StartsWith("State directory:", StringComparison.Ordinal));
        var unknown = await caller.Http.GetAsync("api/v1/resources/nope/logs", Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Commands_answer_404_400_and_409_with_a_reason()
    {
        await using var running = await RunningApp.StartAsync(
            (builder, state) =>
            {
                builder.AddParameter("greeting");
                builder.AddWebServer("web", state);
            },
            ("Parameters:greeting", "hello"));
        var (service, caller) = await ServeAsync(running);
        await using var _service = service;
        using var _caller = caller;

        var unknownResource = await caller.Http.PostAsync("api/v1/resources/nope/commands/stop", null, Cancellation);
        var unknownCommand = await caller.Http.PostAsync("api/v1/resources/web/commands/explode", null, Cancellation);
        var onParameter = await caller.Http.PostAsync("api/v1/resources/greeting/commands/stop", null, Cancellation);
        var stop = await caller.Http.PostAsync("api/v1/resources/web/commands/stop", null, Cancellation);
        var stopAgain = await caller.Http.PostAsync("api/v1/resources/web/commands/stop", null, Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, unknownResource.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownCommand.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, onParameter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stopAgain.StatusCode);
        var problem = JsonDocument.Parse(await stopAgain.Content.ReadAsStringAsync(Cancellation)).RootElement;
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
        Assert.Contains("not running", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_idle_stream_gets_keep_alive_comments_and_ends_when_the_service_stops()
    {
        await using var running = await StartWebAsync();
        var (service, caller) = await ServeAsync(running, new ResourceServiceSettings(TimeSpan.FromMilliseconds(200)));
        using var _caller = caller;
        using var response = await caller.Http.GetAsync("api/v1/resources/watch", HttpCompletionOption.ResponseHeadersRead, Cancellation);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Cancellation));

        string? line;
        do
        {
            line = await reader.ReadLineAsync(Cancellation).AsTask().WaitAsync(RunningApp.Timeout, Cancellation);
        }
        while (line is not null && line != ": keep-alive");

        Assert.Equal(": keep-alive", line);
        await service.DisposeAsync();
        var rest = await reader.ReadToEndAsync(Cancellation).WaitAsync(RunningApp.Timeout, Cancellation);
        Assert.DoesNotContain("data:", rest, StringComparison.Ordinal); // nothing changed; the stream just ended
        Assert.DoesNotContain(running.App.ResourceLogs["apphost"].Snapshot(), l => l.Text.StartsWith("[resource service]", StringComparison.Ordinal));
    }
}
