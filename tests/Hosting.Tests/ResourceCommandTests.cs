namespace Hosting.Tests;

/// <summary>Start, stop and restart on request (the dashboard's buttons), on real processes.</summary>
public class ResourceCommandTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static Task<RunningApp> StartWebAsync() =>
        RunningApp.StartAsync((builder, state) =>
        {
            builder.AddParameter("greeting");
            builder.AddWebServer("web", state);
        }, ("Parameters:greeting", "hello"));

    [Fact]
    public async Task Stop_ends_the_process_and_it_is_not_restarted()
    {
        await using var running = await StartWebAsync();
        var pid = running.Get("web").ProcessId!.Value;

        var result = await running.App.ExecuteCommandAsync("web", ResourceCommands.Stop, Cancellation);

        Assert.True(result.Succeeded, result.Error);
        Assert.False(TestResources.IsAlive(pid));
        var stopped = running.Get("web");
        Assert.Equal(ResourceStateKind.Finished, stopped.State);
        Assert.Null(stopped.ProcessId);
        Assert.Equal("stopped by the user", stopped.Message);
        Assert.Equal([ResourceCommands.Start], running.App.Orchestrator.CommandsOf(stopped));

        // A crash would be restarted after 1 s: nothing may change for longer than that.
        var changed = running.App.ResourceNotifications.WaitForAsync("web", s => s.State != ResourceStateKind.Finished, Cancellation);
        await Assert.ThrowsAsync<TimeoutException>(() => changed.WaitAsync(TimeSpan.FromSeconds(2), Cancellation));
        Assert.Equal(0, running.Get("web").Restarts);
    }

    [Fact]
    public async Task Start_after_stop_runs_a_new_process()
    {
        await using var running = await StartWebAsync();
        var first = running.Get("web").ProcessId!.Value;
        await running.App.ExecuteCommandAsync("web", ResourceCommands.Stop, Cancellation);

        var result = await running.App.ExecuteCommandAsync("web", ResourceCommands.Start, Cancellation);

        Assert.True(result.Succeeded, result.Error);
        var started = await running.WaitForAsync("web", s => s.State == ResourceStateKind.Running);
        Assert.NotEqual(first, started.ProcessId);
        Assert.True(TestResources.IsAlive(started.ProcessId!.Value));
        Assert.Null(started.Message);
        Assert.Equal(0, started.Restarts);
        Assert.Equal([ResourceCommands.Stop, ResourceCommands.Restart], running.App.Orchestrator.CommandsOf(started));
        using var http = new HttpClient();
        Assert.True((await http.GetAsync(running.App.GetEndpoint("web"), Cancellation)).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Restart_replaces_the_process_without_counting_a_crash()
    {
        await using var running = await StartWebAsync();
        var first = running.Get("web").ProcessId!.Value;

        var result = await running.App.ExecuteCommandAsync("web", ResourceCommands.Restart, Cancellation);

        Assert.True(result.Succeeded, result.Error);
        Assert.False(TestResources.IsAlive(first));
        var restarted = await running.WaitForAsync("web", s => s.State == ResourceStateKind.Running && s.ProcessId != first);
        Assert.True(TestResources.IsAlive(restarted.ProcessId!.Value));
        Assert.Equal(0, restarted.Restarts);
    }

    [Fact]
    public async Task Commands_that_do_not_apply_are_refused_with_a_reason()
    {
        await using var running = await StartWebAsync();

        var startRunning = await running.App.ExecuteCommandAsync("web", ResourceCommands.Start, Cancellation);
        var onParameter = await running.App.ExecuteCommandAsync("greeting", ResourceCommands.Restart, Cancellation);
        var unknownResource = await running.App.ExecuteCommandAsync("nope", ResourceCommands.Stop, Cancellation);
        var unknownCommand = await running.App.ExecuteCommandAsync("web", "explode", Cancellation);
        await running.App.ExecuteCommandAsync("web", ResourceCommands.Stop, Cancellation);
        var stopStopped = await running.App.ExecuteCommandAsync("web", ResourceCommands.Stop, Cancellation);
        var restartStopped = await running.App.ExecuteCommandAsync("web", ResourceCommands.Restart, Cancellation);

        Assert.Equal((false, ResourceCommandFailure.NotApplicable), (startRunning.Succeeded, startRunning.Failure));
        Assert.Contains("already running", startRunning.Error, StringComparison.Ordinal);
        Assert.Equal(ResourceCommandFailure.NotApplicable, onParameter.Failure);
        Assert.Contains("parameter", onParameter.Error, StringComparison.Ordinal);
        Assert.Equal(ResourceCommandFailure.UnknownResource, unknownResource.Failure);
        Assert.Equal(ResourceCommandFailure.UnknownCommand, unknownCommand.Failure);
        Assert.Equal(ResourceCommandFailure.NotApplicable, stopStopped.Failure);
        Assert.Contains("not running", stopStopped.Error, StringComparison.Ordinal);
        Assert.Equal(ResourceCommandFailure.NotApplicable, restartStopped.Failure);
        Assert.Empty(running.App.Orchestrator.CommandsOf(running.Get("greeting")));
    }

    [Fact]
    public async Task Concurrent_restarts_run_one_after_another_and_leave_one_process()
    {
        await using var running = await StartWebAsync();
        var pids = new System.Collections.Concurrent.ConcurrentDictionary<int, bool>();
        pids[running.Get("web").ProcessId!.Value] = true;
        running.App.ResourceNotifications.Changed += s => { if (s is { Name: "web", ProcessId: { } pid }) { pids[pid] = true; } };

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => running.App.ExecuteCommandAsync("web", ResourceCommands.Restart, Cancellation)));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        var last = await running.WaitForAsync("web", s => s.State == ResourceStateKind.Running);
        Assert.Equal(5, pids.Count); // each restart stopped one process and started the next
        Assert.Equal([last.ProcessId!.Value], pids.Keys.Where(TestResources.IsAlive));
    }

    [Fact]
    public async Task A_crash_looping_process_stopped_between_restarts_stays_stopped()
    {
        await using var running = await RunningApp.StartAsync((builder, _) => builder.AddExecutable("crashy", "/bin/sh", "/", "-c", "sleep 0.2; exit 4"));
        await running.WaitForAsync("crashy", s => s.State == ResourceStateKind.Restarting);

        var result = await running.App.ExecuteCommandAsync("crashy", ResourceCommands.Stop, Cancellation);

        Assert.True(result.Succeeded, result.Error);
        var restarts = running.Get("crashy").Restarts;
        var changed = running.App.ResourceNotifications.WaitForAsync("crashy", s => s.State != ResourceStateKind.Finished, Cancellation);
        await Assert.ThrowsAsync<TimeoutException>(() => changed.WaitAsync(TimeSpan.FromSeconds(2.5), Cancellation));
        Assert.Equal(restarts, running.Get("crashy").Restarts);
    }

    [Fact]
    public async Task Stopping_the_application_after_a_user_restart_leaves_no_process()
    {
        await using var running = await StartWebAsync();
        var first = running.Get("web").ProcessId!.Value;
        await running.App.ExecuteCommandAsync("web", ResourceCommands.Restart, Cancellation);
        var restarted = await running.WaitForAsync("web", s => s.State == ResourceStateKind.Running && s.ProcessId != first);

        await running.App.StopAsync();

        Assert.False(TestResources.IsAlive(restarted.ProcessId!.Value));
        Assert.Equal(ResourceStateKind.Finished, running.Get("web").State);
        var afterStop = await running.App.ExecuteCommandAsync("web", ResourceCommands.Start, Cancellation);
        Assert.Equal(ResourceCommandFailure.NotApplicable, afterStop.Failure);
        Assert.Contains("stopping", afterStop.Error, StringComparison.Ordinal);
        Assert.Empty(running.App.Orchestrator.CommandsOf(running.Get("web")));
    }
}
