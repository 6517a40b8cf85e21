using System.Diagnostics;

namespace AppHost.Tests;

public class AppHostProcessTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_killed_apphosts_leftovers_are_stopped_at_the_next_start_and_sigint_stops_everything_in_time()
    {
        var state = TestState.NewDirectory();
        var apiPort = AppHostProcess.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["AppHost__StateDirectory"] = state,
            ["Resources__api__Port"] = apiPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Resources__gateway__Port"] = AppHostProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        try
        {
            List<int> leftovers;
            using (var first = AppHostProcess.Start(environment))
            {
                await first.WaitForHealthyAsync(apiPort, Cancellation);
                leftovers = TestState.RecordedPids(state);
                Assert.Equal(5, leftovers.Count); // dashboard, postgres, cache, gateway, api

                first.Signal(9);
                await first.ExitCode.WaitAsync(TimeSpan.FromSeconds(10), Cancellation);
            }

            Assert.All(leftovers, pid => Assert.True(TestState.IsRunning(pid), $"pid {pid} did not outlive the killed AppHost"));

            using var second = AppHostProcess.Start(environment);
            await second.WaitForHealthyAsync(apiPort, Cancellation);
            Assert.All(leftovers, pid => Assert.False(TestState.IsRunning(pid), $"leftover pid {pid} still runs"));
            Assert.Contains("Stopping leftover process of resource 'postgres'", second.Output);
            Assert.Contains("Stopping leftover process of resource 'api'", second.Output);
            var children = TestState.RecordedPids(state);

            var stopwatch = Stopwatch.StartNew();
            second.Signal(2);
            var exitCode = await second.ExitCode.WaitAsync(TimeSpan.FromSeconds(15), Cancellation);

            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {stopwatch.Elapsed}");
            Assert.Equal(0, exitCode);
            Assert.All(children, pid => Assert.False(TestState.IsRunning(pid), $"pid {pid} outlived the AppHost"));
            Assert.Empty(Directory.GetFiles(Path.Combine(state, "run")));
            var postgresLog = await File.ReadAllTextAsync(Path.Combine(state, "logs", "postgres.log"), Cancellation);
            Assert.EndsWith("database system is shut down", postgresLog.TrimEnd());
        }
        finally
        {
            TestState.Remove(state);
        }
    }

    [Fact]
    public async Task A_taken_port_stops_the_apphost_naming_the_port()
    {
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        holder.Start();
        var taken = ((System.Net.IPEndPoint)holder.LocalEndpoint).Port;
        var state = TestState.NewDirectory();
        try
        {
            using var appHost = AppHostProcess.Start(new Dictionary<string, string>
            {
                ["AppHost__StateDirectory"] = state,
                ["Resources__gateway__Port"] = taken.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });

            var exitCode = await appHost.ExitCode.WaitAsync(TimeSpan.FromSeconds(60), Cancellation);

            Assert.Equal(1, exitCode);
            Assert.Contains($"AppHost stopped: Port {taken} of resource 'gateway' is already in use.", appHost.Output);
            Assert.Empty(TestState.RecordedPids(state));
        }
        finally
        {
            TestState.Remove(state);
        }
    }

    [Theory]
    [InlineData("Resources__apii__Port", "5000", "Configuration 'Resources:apii' names no resource. Known resources: dashboard, anthropic-api-key, gateway-client-key, gateway-admin-key, postgres, appdb, cache, gateway, api.")]
    [InlineData("Resources__api__Port", "http", "Configuration 'Resources:api:Port' is 'http', which is not a port (0-65535; 0 picks a free one).")]
    [InlineData("AppHost__StateDirectory", "/etc/hostname/state", "The state directory '/etc/hostname/state' cannot be used:")]
    public async Task A_bad_configuration_stops_the_apphost_with_one_clear_message(string key, string value, string message)
    {
        using var appHost = AppHostProcess.Start(new Dictionary<string, string>
        {
            ["AppHost__StateDirectory"] = Path.Combine(Path.GetTempPath(), "apphost-tests", "never-started"),
            [key] = value,
        });

        var exitCode = await appHost.ExitCode.WaitAsync(TimeSpan.FromSeconds(60), Cancellation);

        Assert.Equal(1, exitCode);
        Assert.Contains($"AppHost stopped: {message}", appHost.Output);
        Assert.DoesNotContain("   at ", appHost.Output);
    }
}
