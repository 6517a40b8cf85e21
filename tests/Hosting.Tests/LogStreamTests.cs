using Hosting.Dashboard;

namespace Hosting.Tests;

public class LogStreamTests
{
    [Fact]
    public async Task Streams_opened_while_two_writers_race_get_every_line_exactly_once()
    {
        var log = new ResourceLog("busy", capacity: 500, TimeProvider.System);
        using var done = new CancellationTokenSource();
        // Dedicated threads, as a process's stdout and stderr readers are; the pool stays free for the reader.
        var writers = Enumerable.Range(0, 2).Select(w => Task.Factory.StartNew(
            () =>
            {
                for (var i = 0; !done.IsCancellationRequested; i++)
                {
                    log.Write($"w{w}-{i}", isError: w == 1);
                    Thread.SpinWait(200);
                }
            },
            TaskCreationOptions.LongRunning)).ToList();

        try
        {
            for (var attempt = 0; attempt < 300; attempt++)
            {
                await ReadContiguouslyAsync(log);
            }
        }
        finally
        {
            await done.CancelAsync();
            await Task.WhenAll(writers);
        }
    }

    /// <summary>
    /// The first 1,000 sequences from the first line it gets (past the 500 of the backlog, well into the live ones),
    /// every one once: none lost, none twice.
    /// </summary>
    private static async Task ReadContiguouslyAsync(ResourceLog log)
    {
        const int Span = 1_000;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var seen = new HashSet<long>();
        long? first = null;
        var inSpan = 0;
        await foreach (var line in LogStream.ReadAsync(log, afterSequence: 0, timeout.Token))
        {
            first ??= line.Sequence;
            Assert.True(seen.Add(line.Sequence), $"line {line.Sequence} came twice");
            inSpan += line.Sequence < first + Span ? 1 : 0;
            if (inSpan == Span)
            {
                return;
            }
        }
    }

    [Fact]
    public async Task A_resumed_stream_starts_after_the_given_sequence()
    {
        var log = new ResourceLog("quiet", capacity: 100, TimeProvider.System);
        foreach (var text in new[] { "one", "two", "three" })
        {
            log.Write(text);
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var lines = new List<string>();
        await foreach (var line in LogStream.ReadAsync(log, afterSequence: 2, cancel.Token))
        {
            lines.Add(line.Text);
            if (line.Text == "three")
            {
                log.Write("four");
            }
            else
            {
                break;
            }
        }

        Assert.Equal(["three", "four"], lines);
    }
}
