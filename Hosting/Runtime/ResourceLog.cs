namespace Hosting;

/// <summary>One line a resource wrote to stdout or stderr.</summary>
public sealed record LogLine(long Sequence, DateTimeOffset Timestamp, string Text, bool IsError);

/// <summary>
/// The console output of one resource: a bounded buffer (oldest lines dropped first) that the dashboard
/// reads, mirrored to a log file in the state directory, and streamed to subscribers as it arrives.
/// </summary>
public sealed class ResourceLog(string resourceName, int capacity, TimeProvider timeProvider)
{
    private readonly Queue<LogLine> _lines = new();
    private readonly Lock _gate = new();
    private long _sequence;
    private StreamWriter? _file;

    /// <summary>The resource the lines belong to.</summary>
    public string ResourceName { get; } = resourceName;

    /// <summary>How many lines were dropped because the buffer was full.</summary>
    public long Dropped { get; private set; }

    /// <summary>Raised for every new line, on the thread that read it.</summary>
    public event Action<LogLine>? LineWritten;

    internal void MirrorTo(string path)
    {
        var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Append,
            Access = FileAccess.Write,
            Share = FileShare.ReadWrite,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        _file = new StreamWriter(stream) { AutoFlush = true };
    }

    /// <summary>Appends a line.</summary>
    public void Write(string text, bool isError = false)
    {
        LogLine line;
        lock (_gate)
        {
            line = new LogLine(++_sequence, timeProvider.GetUtcNow(), text, isError);
            _lines.Enqueue(line);
            if (_lines.Count > capacity)
            {
                _lines.Dequeue();
                Dropped++;
            }

            WriteToFile(line);
        }

        // A subscriber's failure (a console that went away) must not reach the thread reading a child's output.
        foreach (var handler in LineWritten?.GetInvocationList().Cast<Action<LogLine>>() ?? [])
        {
            try
            {
                handler(line);
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
            {
                LineWritten -= handler;
            }
        }
    }

    private void WriteToFile(LogLine line)
    {
        try
        {
            _file?.WriteLine($"{line.Timestamp:O} {line.Text}");
        }
        catch (IOException)
        {
            // Disk full: keep the in-memory buffer, stop mirroring.
            _file?.Dispose();
            _file = null;
        }
    }

    /// <summary>The lines still held, oldest first.</summary>
    public IReadOnlyList<LogLine> Snapshot()
    {
        lock (_gate)
        {
            return [.. _lines];
        }
    }

    internal void Close()
    {
        lock (_gate)
        {
            _file?.Dispose();
            _file = null;
        }
    }
}
