using Hosting.Runtime;

namespace Hosting.Tests;

public class StateDirectoryTests : IDisposable
{
    private readonly TempStateDirectory _temp = new();

    [Fact]
    public void An_unusable_state_directory_is_named_with_the_setting_to_change()
    {
        var path = "/etc/hostname/state"; // a path below a regular file can never be a directory

        var problem = Assert.Throws<DistributedApplicationException>(() => StateDirectory.Open(path));

        Assert.StartsWith($"The state directory '{path}' cannot be used:", problem.Message);
        Assert.EndsWith("Set AppHost:StateDirectory to a writable directory.", problem.Message);
    }

    [Fact]
    public void A_secret_is_generated_once_and_readable_only_by_its_owner()
    {
        var state = StateDirectory.Open(_temp.Path);

        var first = state.GetOrCreateSecret("postgres-password");
        var second = StateDirectory.Open(_temp.Path).GetOrCreateSecret("postgres-password");

        Assert.Equal(first, second);
        Assert.Equal(32, first.Length);
        Assert.True(first.All(char.IsAsciiLetterOrDigit));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(state.Secrets, "postgres-password")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(state.Secrets));
    }

    [Fact]
    public void Different_secrets_differ()
    {
        var state = StateDirectory.Open(_temp.Path);

        Assert.NotEqual(state.GetOrCreateSecret("a"), state.GetOrCreateSecret("b"));
    }

    [Fact]
    public void A_second_apphost_on_the_same_state_directory_is_refused()
    {
        var state = StateDirectory.Open(_temp.Path);
        using var first = AppHostLock.Acquire(state);

        var problem = Assert.Throws<DistributedApplicationException>(() => AppHostLock.Acquire(state));

        Assert.Contains($"Another AppHost (pid {Environment.ProcessId})", problem.Message);
    }

    [Fact]
    public void The_lock_is_released_on_dispose()
    {
        var state = StateDirectory.Open(_temp.Path);
        AppHostLock.Acquire(state).Dispose();

        using var again = AppHostLock.Acquire(state);
    }

    public void Dispose() => _temp.Dispose();
}
