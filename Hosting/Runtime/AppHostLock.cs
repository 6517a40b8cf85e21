namespace Hosting.Runtime;

/// <summary>
/// One AppHost per state directory: a second one would take the first one's children for leftovers.
/// The kernel drops the lock when the holder dies, even by SIGKILL.
/// </summary>
internal sealed class AppHostLock : IDisposable
{
    private readonly FileStream _stream;

    private AppHostLock(FileStream stream) => _stream = stream;

    public static AppHostLock Acquire(StateDirectory state)
    {
        var path = Path.Combine(state.Root, "apphost.lock");
        var pidPath = Path.Combine(state.Root, "apphost.pid");
        try
        {
            // FileShare.None is an advisory flock on Unix.
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            File.WriteAllText(pidPath, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return new AppHostLock(stream);
        }
        catch (IOException)
        {
            var holder = File.Exists(pidPath) ? File.ReadAllText(pidPath).Trim() : "unknown";
            throw new DistributedApplicationException(
                $"Another AppHost (pid {holder}) is running with the state directory '{state.Root}'. Stop it first, or set AppHost:StateDirectory.");
        }
    }

    public void Dispose() => _stream.Dispose();
}
