using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Hosting.Dashboard;

/// <summary>A resource's buffered lines, then its new lines as they are written: none lost, none twice.</summary>
internal static class LogStream
{
    /// <summary>Lines after <paramref name="afterSequence"/> (a client resuming where it stopped; 0 for the whole backlog), then live ones.</summary>
    public static async IAsyncEnumerable<LogLine> ReadAsync(
        ResourceLog log, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var live = Channel.CreateUnbounded<LogLine>(new UnboundedChannelOptions { SingleReader = true });
        void OnLine(LogLine line) => live.Writer.TryWrite(line);

        // Subscribed before the snapshot is taken: a line written in between is in the snapshot, the channel, or both.
        log.LineWritten += OnLine;
        try
        {
            var backlog = log.Snapshot();
            foreach (var line in backlog.Where(line => line.Sequence > afterSequence))
            {
                yield return line;
            }

            // The snapshot holds every line up to its last sequence, so a live line is new exactly when it is past
            // that. (Not "past the last line sent": stdout and stderr are read on two threads and may arrive out of order.)
            var seen = Math.Max(afterSequence, backlog.Count > 0 ? backlog[^1].Sequence : 0);
            await foreach (var line in live.Reader.ReadAllAsync(cancellationToken))
            {
                if (line.Sequence > seen)
                {
                    yield return line;
                }
            }
        }
        finally
        {
            log.LineWritten -= OnLine;
        }
    }
}
