using System.Globalization;
using Hosting.Testing;

namespace Hosting.Tests;

/// <summary>How the engine supervises processes: restarts, health, stragglers.</summary>
public class SupervisionTests : IDisposable
{
    private readonly TempStateDirectory _state = new();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private DistributedApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var configuration = new Dictionary<string, string?> { ["AppHost:StateDirectory"] = _state.Path };
        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }

        return DistributedApplicationTestingBuilder.Create(configuration);
    }

    [Fact]
    public async Task A_process_whose_helper_keeps_its_output_open_is_still_restarted_and_the_helper_killed()
    {
        var helperPidFile = Path.Combine(Path.GetTempPath(), $"helper-{Guid.NewGuid():N}.pid");
        var builder = Builder();
        builder.AddExecutable("leaky", "/bin/sh", "/", "-c", $"sleep 60 & echo $! > {helperPidFile}; sleep 0.3; exit 5");
        await using var app = builder.Build();

        await app.StartAsync(Cancellation).WaitAsync(TimeSpan.FromSeconds(30), Cancellation);
        var restarting = await app.ResourceNotifications
            .WaitForAsync("leaky", s => s.State == ResourceStateKind.Restarting, Cancellation)
            .WaitAsync(TimeSpan.FromSeconds(10), Cancellation);

        Assert.Equal(5, restarting.ExitCode);
        var helper = int.Parse(File.ReadAllText(helperPidFile).Trim(), CultureInfo.InvariantCulture);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (Processes.ProcessInfo.StartTicks(helper) is not null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, Cancellation); // SIGKILL was sent to its group; delivery is asynchronous
        }

        Assert.Null(Processes.ProcessInfo.StartTicks(helper));
        File.Delete(helperPidFile);
    }

    [Fact]
    public async Task A_start_that_misses_its_deadline_names_the_resource_that_held_it_up_with_its_last_output()
    {
        var builder = Builder();
        builder.AddExecutable("steady", "/bin/sh", "/", "-c", "exec sleep 60");
        builder.AddExecutable("crashy", "/bin/sh", "/", "-c", "echo cannot-open-database >&2; exit 7")
            .WithHttpEndpoint(env: "PORT")
            .WithHttpHealthCheck("/health");
        await using var app = builder.Build();

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => app.StartWithinAsync(TimeSpan.FromSeconds(3), Cancellation));

        Assert.Contains("did not start within 00:00:03", timeout.Message, StringComparison.Ordinal);
        Assert.Matches(@"crashy \(executable\): (Restarting|Starting|Running), pid [-\d]+, restarts [1-9]\d*, exit code (7|-)", timeout.Message);
        Assert.Contains("steady (executable): Running", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("console lines of crashy:", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("cannot-open-database", timeout.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("console lines of steady:", timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_process_that_must_not_restart_finishes_with_its_exit_code()
    {
        var builder = Builder();
        var once = builder.AddExecutable("once", "/bin/sh", "/", "-c", "sleep 0.5; exit 3");
        once.Resource.RestartOnFailure = false;
        await using var app = builder.Build();

        await app.StartAsync(Cancellation).WaitAsync(TimeSpan.FromSeconds(30), Cancellation);
        var finished = await app.ResourceNotifications
            .WaitForAsync("once", s => s.State == ResourceStateKind.Finished, Cancellation)
            .WaitAsync(TimeSpan.FromSeconds(10), Cancellation);

        Assert.Equal(3, finished.ExitCode);
        Assert.Equal(0, finished.Restarts);
    }

    [Fact]
    public async Task A_healthy_process_that_fails_a_probe_is_reported_unhealthy_not_killed()
    {
        var site = Path.Combine(_state.Path, "site");
        Directory.CreateDirectory(site);
        var healthFile = Path.Combine(site, "health");
        File.WriteAllText(healthFile, "ok");
        var builder = Builder(("AppHost:StartupTimeout", "00:00:01"));
        builder.AddExecutable("web", "python3", site, "-c", "import http.server,os; http.server.test(HandlerClass=http.server.SimpleHTTPRequestHandler, port=int(os.environ['PORT']), bind='127.0.0.1')")
            .WithHttpEndpoint(env: "PORT")
            .WithHttpHealthCheck("/health");
        await using var app = builder.Build();
        await app.StartAsync(Cancellation).WaitAsync(TimeSpan.FromSeconds(30), Cancellation);
        var pid = app.ResourceNotifications.Get("web").ProcessId;

        File.Delete(healthFile);
        await app.ResourceNotifications.WaitForAsync("web", s => s.State == ResourceStateKind.Unhealthy, Cancellation)
            .WaitAsync(TimeSpan.FromSeconds(20), Cancellation);
        await Task.Delay(TimeSpan.FromSeconds(2), Cancellation); // longer than the startup timeout: it must not count any more
        File.WriteAllText(healthFile, "ok");
        var healthyAgain = await app.ResourceNotifications.WaitForAsync("web", s => s.State == ResourceStateKind.Running, Cancellation)
            .WaitAsync(TimeSpan.FromSeconds(20), Cancellation);

        Assert.Equal(pid, healthyAgain.ProcessId);
        Assert.Equal(0, healthyAgain.Restarts);
    }

    public void Dispose() => _state.Dispose();
}
