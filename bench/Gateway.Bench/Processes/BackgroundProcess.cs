using System.Diagnostics;
using System.Text;

namespace Gateway.Bench.Processes;

/// <summary>
/// A helper process (the stub, nginx) with its output kept for error messages. Disposing it kills it and its children;
/// so does the benchmark's own exit.
/// </summary>
internal sealed class BackgroundProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BackgroundProcess(Process process)
    {
        _process = process;
        AppDomain.CurrentDomain.ProcessExit += Kill;
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    public static BackgroundProcess Start(string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var background = new BackgroundProcess(process);
        process.OutputDataReceived += (_, e) => background.Append(e.Data);
        process.ErrorDataReceived += (_, e) => background.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        return background;
    }

    /// <summary>Polls <paramref name="isReady"/> until it answers true, failing fast if the process exits.</summary>
    public async Task WaitUntilAsync(string what, Func<CancellationToken, Task<bool>> isReady, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{what} exited with code {_process.ExitCode} while starting:\n{Output}");
            }

            if (await isReady(cancellationToken))
            {
                return;
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException($"{what} was not ready within 30 s:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= Kill;
        Kill(null, EventArgs.Empty);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private void Kill(object? sender, EventArgs e)
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
