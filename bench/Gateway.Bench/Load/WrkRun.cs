using System.Diagnostics;
using Gateway.Bench.Processes;

namespace Gateway.Bench.Load;

/// <summary>Maximum throughput: wrk, closed loop, as many requests as its connections carry, after an untimed warm-up.</summary>
internal static class WrkRun
{
    public static async Task<ThroughputResult> RunAsync(
        Target target, string script, BenchOptions options, int stubPid, CancellationToken cancellationToken)
    {
        await QuietMachine.WaitAsync(TimeSpan.FromSeconds(options.QuietWaitSeconds), cancellationToken);
        await RunWrkAsync(target, script, options, options.WarmupSeconds, cancellationToken);
        var cpu = new CpuWindow(target.ProxyPids(), stubPid);
        var output = await RunWrkAsync(target, script, options, options.ThroughputSeconds, cancellationToken);
        return new ThroughputResult(target, WrkOutput.Parse(output), cpu.Stop(), output);
    }

    /// <summary>The Lua script that makes wrk send <see cref="Requests.Body"/> with the same headers as every other client.</summary>
    public static string WriteScript(string directory, string clientKey)
    {
        var path = Path.Combine(directory, "request.lua");
        File.WriteAllText(path, $"""
            wrk.method = "POST"
            wrk.body = [[{Requests.Body}]]
            wrk.headers["Content-Type"] = "application/json"
            wrk.headers["x-api-key"] = "{clientKey}"
            wrk.headers["anthropic-version"] = "{Requests.AnthropicVersion}"
            wrk.headers["cache-control"] = "no-store"
            """);
        return path;
    }

    private static async Task<string> RunWrkAsync(Target target, string script, BenchOptions options, int seconds, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList =
            {
                "-t", options.Threads.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-c", options.Connections.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-d", $"{seconds}s", "--timeout", "5s", "--latency", "-s", script, target.MessagesUri.ToString(),
            },
        };
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start");
        var stdout = wrk.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = wrk.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await wrk.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            wrk.Kill();
            throw;
        }

        return wrk.ExitCode == 0
            ? await stdout
            : throw new InvalidOperationException($"wrk exited with code {wrk.ExitCode}:\n{await stdout}{await stderr}");
    }
}

internal sealed record ThroughputResult(Target Target, WrkOutput Wrk, CpuUse Cpu, string RawOutput)
{
    public double ProxyCpuMicrosecondsPerRequest => Cpu.Proxy.TotalMicroseconds / Wrk.Requests;

    public double StubCpuMicrosecondsPerRequest => Cpu.Stub.TotalMicroseconds / Wrk.Requests;
}
