using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;

namespace Gateway.Bench.Load;

/// <summary>
/// Requests at a fixed rate, each sent on its schedule whatever the earlier ones are doing (open loop), and each
/// timed from when it was due to be sent, not from when it was: a stall then shows in the latency of every request it
/// held up, instead of only the one that met it (coordinated omission).
/// </summary>
internal static partial class OpenLoop
{
    public static async Task<LatencyResult> RunAsync(Target target, string clientKey, int rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var client = Requests.CreateClient();
        var count = (int)(rate * duration.TotalSeconds);
        var latencies = new double[count];
        var lags = new double[count];
        var failures = new Failures();
        var sends = new Task[count];

        // A thread of its own that sleeps (usleep, not a spin: the proxies need the cores) until each request is due.
        await Task.Factory.StartNew(() =>
        {
            var start = Stopwatch.GetTimestamp();
            var ticksPerRequest = (double)Stopwatch.Frequency / rate;
            for (var i = 0; i < count && !cancellationToken.IsCancellationRequested; i++)
            {
                var due = start + (long)(i * ticksPerRequest);
                SleepUntil(due);
                lags[i] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                sends[i] = SendAsync(client, target.MessagesUri, clientKey, due, latencies, i, failures, cancellationToken);
            }
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        cancellationToken.ThrowIfCancellationRequested();
        await Task.WhenAll(sends);
        return new LatencyResult(target, new Percentiles(latencies), new Percentiles(lags), failures.Count, failures.First);
    }

    private static async Task SendAsync(
        HttpClient client, Uri uri, string clientKey, long due, double[] latencies, int index, Failures failures, CancellationToken cancellationToken)
    {
        try
        {
            using var request = Requests.Create(uri, clientKey, stream: false);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }
        catch (HttpRequestException e)
        {
            failures.Add(e.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            failures.Add("timed out after 10 s");
        }

        latencies[index] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
    }

    private static void SleepUntil(long due)
    {
        long remaining;
        while ((remaining = due - Stopwatch.GetTimestamp()) > 0)
        {
            _ = Usleep((uint)Math.Max(1, remaining * 1_000_000 / Stopwatch.Frequency));
        }
    }

    [LibraryImport("libc", EntryPoint = "usleep")]
    private static partial int Usleep(uint microseconds);
}

/// <summary>One target's latency at the fixed rate; <see cref="Lag"/> is how late the generator sent (its own jitter).</summary>
internal sealed record LatencyResult(Target Target, Percentiles Latency, Percentiles Lag, int Failures, string? FirstFailure)
{
    /// <summary>Share of the machine's cores that processes outside the benchmark used meanwhile.</summary>
    public double OthersCpu { get; init; }
}
