using Gateway.Bench.Load;

namespace Gateway.Bench.Processes;

/// <summary>This benchmark's own binary run with <c>stub PORT</c>: the upstream, in a process of its own.</summary>
internal sealed class StubProcess : IAsyncDisposable
{
    private readonly BackgroundProcess _process;

    private StubProcess(BackgroundProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Pid => _process.Pid;

    public static async Task<StubProcess> StartAsync(CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var process = BackgroundProcess.Start("dotnet", [typeof(StubProcess).Assembly.Location, "stub", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var stub = new StubProcess(process, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            using var client = Requests.CreateClient();
            var messages = new Uri(stub.BaseAddress, "/v1/messages");
            await process.WaitUntilAsync("The stub", ct => Requests.AnswersAsync(client, messages, "probe", ct), cancellationToken);
            return stub;
        }
        catch
        {
            await stub.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
