using System.Net;
using Dashboard.Resources;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Resources;

/// <summary>The dashboard's resource service client against the AppHost's real resource service and real processes.</summary>
public sealed class ResourceServiceClientTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_list_arrives_ordered_with_commands_and_masked_environment()
    {
        await using var appHost = await AppHostUnderTest.StartAsync();
        await using var dashboard = appHost.BuildDashboardServices();
        var client = dashboard.ResourceClient();

        var resources = await client.GetResourcesAsync(Cancellation);

        Assert.True(client.IsConfigured);
        Assert.Equal(["talker", "upstream-key", "web"], resources.Select(r => r.Name));
        var web = resources[2];
        Assert.Equal(("executable", "Running"), (web.Kind, web.State));
        Assert.Equal(appHost.App.ResourceNotifications.Get("web").ProcessId, web.ProcessId);
        Assert.True(web.Offers(ResourceCommandNames.Stop));
        Assert.False(web.Offers(ResourceCommandNames.Start));
        Assert.Single(web.Urls);
        Assert.Equal(new EnvironmentVariableViewModel("UPSTREAM_CREDENTIAL", "********", true), web.Environment.Single(v => v.Name == "UPSTREAM_CREDENTIAL"));
        Assert.DoesNotContain(web.Environment, v => v.Name == "PATH");
        Assert.Empty(resources[1].Commands);
    }

    [Fact]
    public async Task Watch_and_commands_round_trip_a_stop_and_a_start()
    {
        await using var appHost = await AppHostUnderTest.StartAsync();
        await using var dashboard = appHost.BuildDashboardServices();
        var client = dashboard.ResourceClient();
        var states = new List<ResourceServiceConnectionState>();
        await using var watch = client.WatchResourcesAsync(states.Add, Cancellation).GetAsyncEnumerator(Cancellation);
        var running = await watch.ReadUntilAsync(r => r is { Name: "web", State: "Running" });

        var stop = await client.ExecuteCommandAsync("web", ResourceCommandNames.Stop, Cancellation);
        var stopped = await watch.ReadUntilAsync(r => r is { Name: "web", State: "Finished" });
        var stopAgain = await client.ExecuteCommandAsync("web", ResourceCommandNames.Stop, Cancellation);
        var unknown = await client.ExecuteCommandAsync("nope", ResourceCommandNames.Stop, Cancellation);
        var start = await client.ExecuteCommandAsync("web", ResourceCommandNames.Start, Cancellation);
        var restarted = await watch.ReadUntilAsync(r => r is { Name: "web", State: "Running" });

        Assert.Equal([ResourceServiceConnectionState.Connecting, ResourceServiceConnectionState.Connected], states);
        Assert.Equal(new ResourceCommandResponse(true, null), stop);
        Assert.Null(stopped.ProcessId);
        Assert.Equal([ResourceCommandNames.Start], stopped.Commands);
        Assert.False(stopAgain.Succeeded);
        Assert.Contains("not running", stopAgain.Error, StringComparison.Ordinal);
        Assert.Contains("No resource named 'nope'", unknown.Error, StringComparison.Ordinal);
        Assert.True(start.Succeeded, start.Error);
        Assert.NotEqual(running.ProcessId, restarted.ProcessId);
    }

    [Fact]
    public async Task Logs_arrive_as_backlog_then_live_each_once()
    {
        await using var appHost = await AppHostUnderTest.StartAsync();
        await using var dashboard = appHost.BuildDashboardServices();
        var client = dashboard.ResourceClient();
        var lines = new List<ConsoleLine>();
        string[] backlog = ["backlog-1", "backlog-2"];
        await EventuallyAsync(() => appHost.App.ResourceLogs["talker"].Snapshot().Count(l => backlog.Contains(l.Text)) == 2);

        await using (var logs = client.WatchLogsAsync("talker", cancellationToken: Cancellation).GetAsyncEnumerator(Cancellation))
        {
            await logs.ReadUntilAsync(l => { lines.Add(l); return lines.Count(b => backlog.Contains(b.Text)) == 2; });
            File.WriteAllText(appHost.TalkerMarker, "");
            await logs.ReadUntilAsync(l => { lines.Add(l); return l.Text == "live-1"; });
        }

        // The talker writes nothing else, so the stream is exactly its three lines (two from the backlog), in sequence order, each once
        // (which backlog line came first is up to the AppHost's stdout and stderr readers).
        Assert.Equal(["backlog-1", "backlog-2", "live-1"], lines.Select(l => l.Text).Order());
        Assert.Equal("live-1", lines[^1].Text);
        Assert.True(lines.Single(l => l.Text == "backlog-2").IsError);
        Assert.False(lines.Single(l => l.Text == "backlog-1").IsError);
        Assert.True(lines.Zip(lines.Skip(1)).All(pair => pair.First.Sequence < pair.Second.Sequence));
        var lastBacklog = lines[1].Sequence;
        var resumed = client.WatchLogsAsync("talker", afterSequence: lastBacklog, Cancellation).GetAsyncEnumerator(Cancellation);
        await using (resumed)
        {
            Assert.Equal("live-1", (await resumed.ReadUntilAsync(_ => true)).Text);
        }

        var unknown = await Assert.ThrowsAsync<HttpRequestException>(async () =>
        {
            await foreach (var _ in client.WatchLogsAsync("nope", cancellationToken: Cancellation))
            {
            }
        });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_and_a_command_says_why()
    {
        await using var appHost = await AppHostUnderTest.StartAsync();
        await using var dashboard = appHost.BuildDashboardServices(apiKey: "not-the-key");
        var client = dashboard.ResourceClient();

        var list = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetResourcesAsync(Cancellation));
        var stop = await client.ExecuteCommandAsync("web", ResourceCommandNames.Stop, Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.False(stop.Succeeded);
        Assert.Contains("x-resource-service-api-key", stop.Error, StringComparison.Ordinal);
        await using var rightKey = appHost.BuildDashboardServices();
        Assert.Equal("Running", (await rightKey.ResourceClient().GetResourcesAsync(Cancellation)).Single(r => r.Name == "web").State);
    }

    [Fact]
    public async Task The_catalog_keeps_the_latest_state_of_every_resource_from_one_watch()
    {
        await using var appHost = await AppHostUnderTest.StartAsync();
        await using var dashboard = appHost.BuildDashboardServices();
        var catalog = dashboard.Services.GetRequiredService<ResourceCatalog>();
        var changes = 0;
        catalog.Changed += () => Interlocked.Increment(ref changes);
        catalog.Changed += () => throw new InvalidOperationException("a broken page");

        await catalog.StartAsync(Cancellation);
        try
        {
            await EventuallyAsync(() => catalog.Find("web")?.State == "Running" && catalog.Resources.Count == 3);
            Assert.Equal(ResourceServiceConnectionState.Connected, catalog.ConnectionState);
            await dashboard.ResourceClient().ExecuteCommandAsync("web", ResourceCommandNames.Stop, Cancellation);
            await EventuallyAsync(() => catalog.Find("web")?.State == "Finished");
        }
        finally
        {
            await catalog.StopAsync(CancellationToken.None);
        }

        Assert.Equal(["talker", "upstream-key", "web"], catalog.Resources.Select(r => r.Name));
        Assert.True(Volatile.Read(ref changes) >= 4);
    }

    [Fact]
    public async Task The_watch_reconnects_after_the_resource_service_restarts()
    {
        await using var appHost = await AppHostUnderTest.StartAsync();
        await using var dashboard = appHost.BuildDashboardServices();
        var client = dashboard.ResourceClient();
        var states = new List<ResourceServiceConnectionState>();
        await using var watch = client.WatchResourcesAsync(s => { lock (states) { states.Add(s); } }, Cancellation).GetAsyncEnumerator(Cancellation);
        await watch.ReadUntilAsync(r => r is { Name: "web", State: "Running" });

        await appHost.RestartServiceAsync();
        var again = await watch.ReadUntilAsync(r => r.Name == "web");
        await client.ExecuteCommandAsync("web", ResourceCommandNames.Stop, Cancellation);
        await watch.ReadUntilAsync(r => r is { Name: "web", State: "Finished" });

        Assert.Equal("Running", again.State);
        Assert.Equal(
            [ResourceServiceConnectionState.Connecting, ResourceServiceConnectionState.Connected, ResourceServiceConnectionState.Reconnecting],
            states.Take(3));
        Assert.Equal(ResourceServiceConnectionState.Connected, states[^1]);
    }

    [Fact]
    public async Task Without_a_url_the_dashboard_is_standalone()
    {
        await using var dashboard = AppHostUnderTest.BuildClientServices();
        var client = dashboard.ResourceClient();
        var catalog = dashboard.Services.GetRequiredService<ResourceCatalog>();

        Assert.False(client.IsConfigured);
        Assert.False(catalog.IsConfigured);
        Assert.Equal(ResourceServiceConnectionState.NotConfigured, catalog.ConnectionState);
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetResourcesAsync(Cancellation));
        await catalog.StartAsync(Cancellation);
        await catalog.StopAsync(Cancellation);
        Assert.Empty(catalog.Resources);
    }

    [Fact]
    public async Task ApiKey_mode_with_a_url_but_no_key_refuses_to_start_and_names_the_key()
    {
        string[] args = [.. DashboardHost.DefaultArgs, "--Dashboard:ResourceServiceClient:Url=http://127.0.0.1:9"];

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => DashboardHost.StartAsync(args));

        Assert.Contains("Dashboard:ResourceServiceClient:ApiKey", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:9")]
    [InlineData("not a url")]
    public async Task A_bad_url_refuses_to_start_and_names_the_key(string url)
    {
        string[] args = [.. DashboardHost.DefaultArgs, $"--Dashboard:ResourceServiceClient:Url={url}", "--Dashboard:ResourceServiceClient:AuthMode=Unsecured"];

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => DashboardHost.StartAsync(args));

        Assert.Contains("Dashboard:ResourceServiceClient:Url", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aspires_environment_name_sets_the_url_and_the_explicit_key_wins()
    {
        await using var fromEnvironment = AppHostUnderTest.BuildClientServices(
            "--DOTNET_RESOURCE_SERVICE_ENDPOINT_URL=http://127.0.0.1:1111", "--Dashboard:ResourceServiceClient:AuthMode=Unsecured");
        await using var both = AppHostUnderTest.BuildClientServices(
            "--DOTNET_RESOURCE_SERVICE_ENDPOINT_URL=http://127.0.0.1:1111", "--Dashboard:ResourceServiceClient:Url=http://127.0.0.1:2222",
            "--Dashboard:ResourceServiceClient:ApiKey=k");

        Assert.Equal(new Uri("http://127.0.0.1:1111/"), fromEnvironment.ResourceClient().Url);
        Assert.Equal(new Uri("http://127.0.0.1:2222/"), both.ResourceClient().Url);
        Assert.Equal(ResourceServiceAuthMode.ApiKey, both.Services.GetRequiredService<IOptions<ResourceServiceClientOptions>>().Value.AuthMode);
    }

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + AppHostUnderTest.Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold in time");
            await Task.Delay(20, Cancellation);
        }
    }
}
