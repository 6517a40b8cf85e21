using Gateway.Bench.Load;
using Gateway.Bench.Processes;

namespace Gateway.Bench;

/// <summary>
/// One run, in order: start the stub, nginx and the gateway; idle memory; latency at a fixed rate; streaming; maximum
/// throughput; memory after the load. Every phase goes through the three targets one after another.
/// </summary>
internal static class BenchRun
{
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        Tools.RequireOnPath("wrk", "nginx", "redis-server");
        Report.Header(options);
        await using var stub = await StubProcess.StartAsync(cancellationToken);
        await using var nginx = await NginxProcess.StartAsync(stub.BaseAddress, cancellationToken);
        await using var gateway = await GatewayProcess.StartAsync(stub.BaseAddress, options.GatewayEnvironment, cancellationToken);
        var memory = new GatewayMemory { AfterStart = ProcFs.Memory(gateway.Pid).Rss };
        var key = await ClientKeys.CreateAsync(gateway, cancellationToken);
        var clientKey = key ?? ClientKeys.Placeholder;
        Report.Started(stub, nginx, gateway, key is not null);
        Target[] targets =
        [
            new("direct", stub.BaseAddress, () => []),
            new("nginx", nginx.BaseAddress, () => nginx.Pids),
            new("gateway", gateway.BaseAddress, () => [gateway.Pid]),
        ];

        await IdleAsync(targets[2], clientKey, cancellationToken);
        memory.Idle = ProcFs.Memory(gateway.Pid).Rss;
        Report.Line($"Gateway idle RSS (start, one request, {Settle.TotalSeconds:F0} s idle): {Report.Mb(memory.Idle)} MB");

        var latency = await LatencyAsync(targets, clientKey, options, cancellationToken);
        var streams = await StreamsAsync(targets, clientKey, options, cancellationToken);
        var throughput = await ThroughputAsync(targets, clientKey, options, stub.Pid, cancellationToken);

        await Task.Delay(Settle, cancellationToken);
        (memory.AfterLoad, memory.Peak) = ProcFs.Memory(gateway.Pid);
        return Summary.Print(new BenchResult(options, key is not null, Machine.GatewayRuntimeSettings(gateway), memory, latency, streams, throughput));
    }

    private static async Task IdleAsync(Target gateway, string clientKey, CancellationToken cancellationToken)
    {
        using var client = Requests.CreateClient();
        if (!await Requests.AnswersAsync(client, gateway.MessagesUri, clientKey, cancellationToken))
        {
            throw new InvalidOperationException($"The gateway did not answer a request with 200 at {gateway.MessagesUri}");
        }

        await Task.Delay(Settle, cancellationToken);
    }

    private static async Task<IReadOnlyList<LatencyResult>> LatencyAsync(
        Target[] targets, string clientKey, BenchOptions options, CancellationToken cancellationToken)
    {
        var results = new List<LatencyResult>();
        foreach (var target in targets)
        {
            await QuietMachine.WaitAsync(TimeSpan.FromSeconds(options.QuietWaitSeconds), cancellationToken);
            await OpenLoop.RunAsync(target, clientKey, options.Rate, TimeSpan.FromSeconds(options.WarmupSeconds), cancellationToken);
            var start = MachineLoad.Now();
            var result = await OpenLoop.RunAsync(target, clientKey, options.Rate, TimeSpan.FromSeconds(options.LatencySeconds), cancellationToken);
            result = result with { OthersCpu = MachineLoad.Now().OthersSince(start) };
            Report.Progress(result);
            results.Add(result);
        }

        return results;
    }

    private static async Task<IReadOnlyList<StreamResult>> StreamsAsync(
        Target[] targets, string clientKey, BenchOptions options, CancellationToken cancellationToken)
    {
        var results = new List<StreamResult>();
        foreach (var target in targets)
        {
            await QuietMachine.WaitAsync(TimeSpan.FromSeconds(options.QuietWaitSeconds), cancellationToken);
            var start = MachineLoad.Now();
            var result = await StreamRun.RunAsync(target, clientKey, options.StreamRequests, cancellationToken);
            result = result with { OthersCpu = MachineLoad.Now().OthersSince(start) };
            Report.Progress(result);
            results.Add(result);
        }

        return results;
    }

    private static async Task<IReadOnlyList<ThroughputResult>> ThroughputAsync(
        Target[] targets, string clientKey, BenchOptions options, int stubPid, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("gateway-bench-wrk-");
        try
        {
            var script = WrkRun.WriteScript(directory.FullName, clientKey);
            var results = new List<ThroughputResult>();
            foreach (var target in targets)
            {
                var result = await WrkRun.RunAsync(target, script, options, stubPid, cancellationToken);
                Report.Progress(result);
                results.Add(result);
            }

            return results;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

internal sealed record BenchResult(
    BenchOptions Options,
    bool ClientKeys,
    IReadOnlyList<string> GatewaySettings,
    GatewayMemory Memory,
    IReadOnlyList<LatencyResult> Latency,
    IReadOnlyList<StreamResult> Streams,
    IReadOnlyList<ThroughputResult> Throughput);
