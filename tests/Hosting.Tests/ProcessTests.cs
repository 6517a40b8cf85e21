using Hosting.Processes;
using Hosting.Redis;

namespace Hosting.Tests;

public class ProcessTests
{
    [Fact]
    public void A_server_run_as_another_user_goes_through_setsid_and_setpriv()
    {
        var spec = new ProcessSpec("/usr/lib/postgresql/15/bin/postgres", ["-D", "/data"], "/data") { RunAs = new UnixUser("postgres", 101, 104) };

        var command = ManagedProcess.CommandLine(spec);

        var expected = new List<string> { "/usr/bin/setsid" };
        if (Native.IsRoot)
        {
            expected.AddRange(["setpriv", "--reuid=101", "--regid=104", "--init-groups"]);
        }

        expected.AddRange(["/usr/lib/postgresql/15/bin/postgres", "-D", "/data"]);
        Assert.Equal(expected, command);
    }

    [Fact]
    public async Task A_started_process_keeps_its_pid_gets_our_signal_and_its_output_is_captured()
    {
        var log = new ResourceLog("sleeper", 100, TimeProvider.System);
        var spec = new ProcessSpec("/bin/sh", ["-c", "echo ready; echo oops >&2; trap 'echo got-term; exit 7' TERM; while true; do sleep 0.05; done"], "/")
        {
            Environment = new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" },
        };

        using var process = ManagedProcess.Start(spec, log);
        Assert.True(process.StartTicks > 0);
        Assert.Contains("/bin/sh", File.ReadAllText($"/proc/{process.ProcessId}/cmdline"));
        while (!log.Snapshot().Any(l => l.Text == "oops"))
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        await process.StopAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(7, await process.Exited);
        await process.Completed.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken); // its last lines, read to the end
        Assert.Contains(log.Snapshot(), l => l.Text == "ready" && !l.IsError);
        Assert.Contains(log.Snapshot(), l => l.Text == "oops" && l.IsError);
        Assert.Contains(log.Snapshot(), l => l.Text == "got-term");
        Assert.Null(ProcessInfo.StartTicks(process.ProcessId));
    }

    [Fact]
    public async Task A_process_that_ignores_the_stop_signal_is_killed_after_the_timeout()
    {
        var log = new ResourceLog("stubborn", 100, TimeProvider.System);
        var spec = new ProcessSpec("/bin/sh", ["-c", "trap '' TERM; echo ready; while true; do sleep 0.05; done"], "/")
        {
            Environment = new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" },
        };
        using var process = ManagedProcess.Start(spec, log);
        while (log.Snapshot().Count == 0)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        await process.StopAsync(TimeSpan.FromMilliseconds(300));

        Assert.Equal(137, await process.Exited);
    }

    [Fact]
    public void Proc_start_ticks_tell_a_process_from_a_later_one_with_its_pid()
    {
        var ticks = ProcessInfo.StartTicks(Environment.ProcessId);

        Assert.NotNull(ticks);
        Assert.True(ProcessInfo.IsSameProcess(Environment.ProcessId, ticks.Value));
        Assert.False(ProcessInfo.IsSameProcess(Environment.ProcessId, ticks.Value + 1));
    }

    [Fact]
    public void Resp_commands_are_length_prefixed_arrays()
    {
        Assert.Equal("*2\r\n$4\r\nAUTH\r\n$3\r\npäs\r\n"u8.ToArray().Length, RespProbe.Encode("AUTH", "päs").Length);
        Assert.Equal("*1\r\n$4\r\nPING\r\n", System.Text.Encoding.UTF8.GetString(RespProbe.Encode("PING")));
        Assert.Equal("*2\r\n$4\r\nAUTH\r\n$4\r\npäs\r\n", System.Text.Encoding.UTF8.GetString(RespProbe.Encode("AUTH", "päs")));
    }
}

public class ExecutableTests : IDisposable
{
    private readonly TempStateDirectory _temp = new();

    [Fact]
    public void A_dangling_link_left_by_a_removed_package_is_not_a_program()
    {
        Directory.CreateDirectory(_temp.Path);
        var link = Path.Combine(_temp.Path, "postgres");
        File.CreateSymbolicLink(link, Path.Combine(_temp.Path, "removed", "postgres"));

        Assert.False(Processes.Executable.Exists(link));
        Assert.True(Processes.Executable.Exists("/bin/sh"));
    }

    [Theory]
    [InlineData("postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)", 15)]
    [InlineData("postgres (PostgreSQL) 17.2", 17)]
    [InlineData("garbage", 0)]
    public void The_major_version_is_read_from_postgres_version(string text, int major) =>
        Assert.Equal(major, Postgres.PostgresBinaries.ParseMajorVersion(text));

    public void Dispose() => _temp.Dispose();
}
