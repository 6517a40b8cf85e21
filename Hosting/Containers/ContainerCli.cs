using System.Diagnostics;

namespace Hosting.Containers;

/// <summary>The docker or podman command line: probing for an engine, and removing a container by name.</summary>
internal static class ContainerCli
{
    /// <summary>Whether <paramref name="runtime"/>'s engine answers within <paramref name="timeout"/> (the client alone is not enough).</summary>
    public static async Task<bool> EngineAnswersAsync(string runtime, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await RunAsync(runtime, ["version", "--format", "{{.Server.Version}}"], timeout, cancellationToken);
        return exitCode == 0 && output.Trim().Length > 0;
    }

    public static async Task<bool> RemoveIfPresentAsync(string runtime, string containerName, CancellationToken cancellationToken)
    {
        var (exitCode, _) = await RunAsync(runtime, ContainerCommands.Remove(containerName), TimeSpan.FromSeconds(30), cancellationToken);
        return exitCode == 0;
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(
        string runtime, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(runtime)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(startInfo)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (-1, ""); // not installed
        }

        using (process)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
                await process.WaitForExitAsync(deadline.Token);
                return (process.ExitCode, await output);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                return (-1, "");
            }
        }
    }
}
