using System.Security.Cryptography;
using Hosting.Processes;

namespace Hosting.Runtime;

/// <summary>
/// The per-user directory that outlives a run: data, generated secrets (0600), console logs and the records of
/// running processes. Root uses <c>/var/lib/aspire-stack</c>, because PostgreSQL's unprivileged user must be
/// able to reach its data directory and <c>/root</c> is closed to it.
/// </summary>
internal sealed class StateDirectory
{
    private const string PasswordAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    // Root's state must be traversable by the postgres user; anyone else's stays private to its owner.
    private static readonly UnixFileMode Traversable =
        Native.IsRoot ? Private | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute : Private;

    private StateDirectory(string root) => Root = root;

    public string Root { get; }

    public string Secrets => Path.Combine(Root, "secrets");

    public string Logs => Path.Combine(Root, "logs");

    public string Records => Path.Combine(Root, "run");

    public static string DefaultRoot(string appHostName)
    {
        var baseDirectory = Native.IsRoot
            ? "/var/lib/aspire-stack"
            : Path.Combine(Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share"), "aspire-stack");
        return Path.Combine(baseDirectory, appHostName);
    }

    /// <summary>Creates the directory tree and proves it writable, or says which path is the problem.</summary>
    public static StateDirectory Open(string root)
    {
        try
        {
            var state = new StateDirectory(Path.GetFullPath(root));
            CreateTraversable(state.Root);
            foreach (var directory in new[] { state.Secrets, state.Logs, state.Records, state.DataRoot })
            {
                // Only the data root must be reachable by PostgreSQL's user; logs and records stay private.
                Directory.CreateDirectory(directory, directory == state.DataRoot ? Traversable : Private);
            }

            var probe = Path.Combine(state.Root, ".write-probe");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
            return state;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DistributedApplicationException(
                $"The state directory '{root}' cannot be used: {ex.Message} Set AppHost:StateDirectory to a writable directory.", ex);
        }
    }

    public string DataRoot => Path.Combine(Root, "data");

    public string Data(string resourceName) => Path.Combine(DataRoot, resourceName);

    public string LogFile(string resourceName) => Path.Combine(Logs, resourceName + ".log");

    /// <summary>The secret stored under <paramref name="name"/>, generated on first use and never printed.</summary>
    public string GetOrCreateSecret(string name)
    {
        var path = Path.Combine(Secrets, name);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var secret = RandomNumberGenerator.GetString(PasswordAlphabet, 32);
        using (var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(secret);
        }

        return secret;
    }

    /// <summary>Writes a file only its owner can read, for configuration that holds a secret.</summary>
    public static void WritePrivateFile(string path, string contents)
    {
        File.Delete(path);
        using var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        using var writer = new StreamWriter(stream);
        writer.Write(contents);
    }

    private static void CreateTraversable(string path)
    {
        if (!Directory.Exists(path))
        {
            var parent = Path.GetDirectoryName(path);
            if (parent is not null)
            {
                CreateTraversable(parent);
            }

            Directory.CreateDirectory(path, Traversable);
        }
    }
}
