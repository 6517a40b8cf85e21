namespace Hosting.Tests;

public class ResourceLogTests
{
    [Fact]
    public void The_buffer_keeps_the_newest_lines_and_counts_the_dropped()
    {
        var log = new ResourceLog("api", capacity: 3, TimeProvider.System);
        var streamed = new List<string>();
        log.LineWritten += line => streamed.Add(line.Text);

        foreach (var i in Enumerable.Range(1, 5))
        {
            log.Write($"line {i}", isError: i == 5);
        }

        Assert.Equal(["line 3", "line 4", "line 5"], log.Snapshot().Select(l => l.Text));
        Assert.Equal([3L, 4L, 5L], log.Snapshot().Select(l => l.Sequence));
        Assert.True(log.Snapshot()[^1].IsError);
        Assert.Equal(2, log.Dropped);
        Assert.Equal(5, streamed.Count);
    }
}
