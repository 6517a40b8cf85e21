using System.Diagnostics;

namespace Hosting.Processes;

/// <summary>
/// A child process in a session of its own (so a Ctrl+C in the terminal reaches only the AppHost, which then
/// stops the children in order), with its output captured line by line.
/// </summary>
internal sealed class ManagedProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ManagedProcess(Process process, ProcessSpec spec)
    {
        _process = process;
        Spec = spec;
    }

    public ProcessSpec Spec { get; }

    public int ProcessId { get; private set; }

    public long StartTicks { get; private set; }

    /// <summary>Completes with the exit code as soon as the process is gone (a grandchild may still hold its output open).</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>Completes once the process is gone and its output has been read to the end.</summary>
    public Task Completed { get; private set; } = Task.CompletedTask;

    public static ManagedProcess Start(ProcessSpec spec, ResourceLog log)
    {
        var command = CommandLine(spec);
        var startInfo = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1))
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment.Clear();
        foreach (var (key, value) in spec.Environment)
        {
            startInfo.Environment[key] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var managed = new ManagedProcess(process, spec);
        process.Exited += (_, _) => managed._exited.TrySetResult(process.ExitCode);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { log.Write(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { log.Write(e.Data, isError: true); } };
        process.Start();
        managed.ProcessId = process.Id;
        managed.StartTicks = ProcessInfo.StartTicks(process.Id) ?? 0;
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        managed.Completed = process.WaitForExitAsync();
        return managed;
    }

    /// <summary>
    /// setsid gives the child a session of its own; setpriv drops root for servers that refuse it. Both exec the
    /// next program in place, so the PID we hold is the program's own and it receives our signals.
    /// </summary>
    internal static List<string> CommandLine(ProcessSpec spec)
    {
        var command = new List<string>();
        if (Setsid.Path is not null)
        {
            command.Add(Setsid.Path);
        }

        if (spec.RunAs is { } user && Native.IsRoot)
        {
            command.AddRange(["setpriv", $"--reuid={user.Uid}", $"--regid={user.Gid}", "--init-groups"]);
        }

        command.Add(spec.FileName);
        command.AddRange(spec.Arguments);
        return command;
    }

    /// <summary>Asks the process to stop with its stop signal; SIGKILL if it is still there after <paramref name="timeout"/>.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (!Exited.IsCompleted)
        {
            Native.SendSignal(ProcessId, Spec.StopSignal);
            if (await Task.WhenAny(Exited, Task.Delay(timeout)) != Exited)
            {
                Kill();
                await ((Task)Exited).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        KillStragglers();
        await DrainOutputAsync();
    }

    /// <summary>Waits (briefly) for the last lines a process wrote before it exited, e.g. PostgreSQL's "shut down".</summary>
    public async Task DrainOutputAsync() =>
        await Completed.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    /// <summary>SIGKILL for the process, and for whatever it started in its session.</summary>
    public void Kill()
    {
        if (!Exited.IsCompleted)
        {
            Native.SendSignal(ProcessId, Native.SigKill);
        }

        KillStragglers();
    }

    /// <summary>
    /// With setsid the process leads its own process group, so helpers it started (and that outlived it) are
    /// found by the group id and leave no orphan.
    /// </summary>
    private void KillStragglers()
    {
        if (Setsid.Path is not null)
        {
            Native.SendSignal(-ProcessId, Native.SigKill);
        }
    }

    public void Dispose() => _process.Dispose();
}

/// <summary>util-linux's <c>setsid</c>, when the machine has it.</summary>
internal static class Setsid
{
    public static string? Path { get; } = new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists);
}
