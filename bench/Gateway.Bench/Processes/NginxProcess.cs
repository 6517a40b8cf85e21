using Gateway.Bench.Load;

namespace Gateway.Bench.Processes;

/// <summary>Debian's nginx in the foreground with a generated configuration in a temporary directory.</summary>
internal sealed class NginxProcess : IAsyncDisposable
{
    private readonly BackgroundProcess _process;
    private readonly string _directory;

    private NginxProcess(BackgroundProcess process, string directory, Uri baseAddress)
    {
        _process = process;
        _directory = directory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The master and its workers.</summary>
    public IReadOnlyList<int> Pids => [_process.Pid, .. ProcFs.Children(_process.Pid)];

    public static async Task<NginxProcess> StartAsync(Uri upstream, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("gateway-bench-nginx-").FullName;
        var port = FreePort.Next();
        var config = NginxConfig.Write(directory, port, upstream);
        var process = BackgroundProcess.Start("nginx", ["-p", directory + "/", "-c", config, "-e", Path.Combine(directory, "error.log"), "-g", "daemon off;"]);
        var nginx = new NginxProcess(process, directory, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            using var client = Requests.CreateClient();
            var messages = new Uri(nginx.BaseAddress, "/v1/messages");
            await process.WaitUntilAsync("nginx", ct => Requests.AnswersAsync(client, messages, "probe", ct), cancellationToken);
            return nginx;
        }
        catch
        {
            await nginx.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
