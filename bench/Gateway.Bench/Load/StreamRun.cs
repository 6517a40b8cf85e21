using System.Diagnostics;
using System.Net;

namespace Gateway.Bench.Load;

/// <summary>
/// <c>"stream":true</c> requests one after another: time to the first byte of the event stream (message_start) and to
/// its last byte (message_stop), both from the moment the request was sent.
/// </summary>
internal static class StreamRun
{
    private const int WarmupRequests = 50;

    public static async Task<StreamResult> RunAsync(Target target, string clientKey, int requests, CancellationToken cancellationToken)
    {
        using var client = Requests.CreateClient();
        var firstByte = new List<double>(requests);
        var lastByte = new List<double>(requests);
        var failures = new Failures();
        var buffer = new byte[16 * 1024];
        for (var i = 0; i < WarmupRequests + requests; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var request = Requests.Create(target.MessagesUri, clientKey, stream: true);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var read = await body.ReadAsync(buffer, cancellationToken);
            var first = Stopwatch.GetElapsedTime(start);
            var received = new MemoryStream();
            while (read > 0)
            {
                received.Write(buffer, 0, read);
                read = await body.ReadAsync(buffer, cancellationToken);
            }

            var last = Stopwatch.GetElapsedTime(start);
            if (response.StatusCode != HttpStatusCode.OK || !EndsWithMessageStop(received))
            {
                failures.Add($"{(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(received.ToArray())}");
            }
            else if (i >= WarmupRequests)
            {
                firstByte.Add(first.TotalMilliseconds);
                lastByte.Add(last.TotalMilliseconds);
            }
        }

        return new StreamResult(target, new Percentiles(firstByte), new Percentiles(lastByte), failures.Count, failures.First);
    }

    private static bool EndsWithMessageStop(MemoryStream received) =>
        received.GetBuffer().AsSpan(0, (int)received.Length).TrimEnd("\n"u8).EndsWith("""data: {"type":"message_stop"}"""u8);
}

internal sealed record StreamResult(Target Target, Percentiles FirstByte, Percentiles LastByte, int Failures, string? FirstFailure)
{
    /// <summary>Share of the machine's cores that processes outside the benchmark used meanwhile.</summary>
    public double OthersCpu { get; init; }
}
