using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AppHost.Tests;

/// <summary>The real AppHost executable, started as a person would (but on free ports and a state directory of the test's own).</summary>
internal sealed class AppHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppHostProcess(Process process) => _process = process;

    public int ProcessId => _process.Id;

    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    public Task<int> ExitCode => _process.WaitForExitAsync().ContinueWith(_ => _process.ExitCode, TaskScheduler.Default);

    public static AppHostProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        var appHost = new Projects.AppHost();
        var startInfo = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { appHost.TargetPath },
            WorkingDirectory = Path.GetDirectoryName(appHost.ProjectPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        startInfo.Environment["AppHost__ContainerRuntime"] = "none";
        startInfo.Environment["AppHost__StreamConsole"] = "false";
        // The dashboard's documented ports would collide with a developer's own stack and with parallel tests.
        startInfo.Environment["Resources__dashboard__Port"] = "0";
        startInfo.Environment["Resources__dashboard__OtlpGrpcPort"] = "0";
        startInfo.Environment["Resources__dashboard__OtlpHttpPort"] = "0";
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var process = new AppHostProcess(Process.Start(startInfo)!);
        process._process.OutputDataReceived += (_, e) => process.Append(e.Data);
        process._process.ErrorDataReceived += (_, e) => process.Append(e.Data);
        process._process.BeginOutputReadLine();
        process._process.BeginErrorReadLine();
        return process;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits for the AppHost's "all started" summary, then for the api to answer (another process may hold the port before).</summary>
    public async Task WaitForHealthyAsync(int port, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow.AddMinutes(3);
        while (!Output.Contains("Press Ctrl+C to stop.", StringComparison.Ordinal))
        {
            if (_process.HasExited || DateTime.UtcNow > started)
            {
                throw new InvalidOperationException($"The AppHost did not finish starting:\n{Output}");
            }

            await Task.Delay(100, cancellationToken);
        }

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The AppHost exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await client.GetAsync($"http://127.0.0.1:{port}/health", cancellationToken)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"The api did not become healthy:\n{Output}");
    }

    public void Signal(int signal) => Process.Start("kill", [$"-{signal}", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

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

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
