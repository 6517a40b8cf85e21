using System.Globalization;
using System.Threading.Channels;
using Google.Protobuf;
using Microsoft.Extensions.Options;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace Dashboard.Telemetry.Persistence;

/// <summary>
/// Appends every accepted export request to segment files on a background writer (ingestion never waits for the
/// disk), deletes the oldest segments past <see cref="TelemetryStorageOptions.MaxBytes"/>, and replays the journal
/// into the store at start, where the store's own caps apply again.
/// </summary>
public sealed partial class TelemetryJournal(
    IOptions<TelemetryStorageOptions> options, TelemetryStore store, ILogger<TelemetryJournal> logger) : IHostedService
{
    private const string SegmentPattern = "journal-*.otlp";
    private readonly TelemetryStorageOptions _options = options.Value;
    private readonly Channel<JournalRecord> _queue = Channel.CreateBounded<JournalRecord>(
        new BoundedChannelOptions(options.Value.QueueLength) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private Task _writer = Task.CompletedTask;
    private long _dropped;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(_options.Directory);

    /// <summary>Requests not journaled because the disk fell behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    internal void Record(TelemetrySignal signal, IMessage request)
    {
        if (IsEnabled && !_queue.Writer.TryWrite(JournalRecord.Export(signal, request.ToByteArray())))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    private void RecordCleared(TelemetrySignal signal)
    {
        if (IsEnabled)
        {
            _queue.Writer.TryWrite(JournalRecord.Cleared(signal));
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!IsEnabled)
        {
            return Task.CompletedTask;
        }

        var directory = Directory.CreateDirectory(_options.Directory!).FullName;
        var segments = Segments(directory);
        var replayed = Replay(segments);
        Log.Replayed(logger, replayed, segments.Count, directory);
        store.Cleared += RecordCleared; // after the replay: replayed clears are already on disk
        _writer = Task.Run(() => WriteAsync(directory, segments.Count == 0 ? 0 : Number(segments[^1]) + 1), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        store.Cleared -= RecordCleared;
        _queue.Writer.TryComplete();
        await _writer.WaitAsync(cancellationToken);
    }

    private int Replay(IReadOnlyList<string> segments)
    {
        var count = 0;
        foreach (var segment in segments)
        {
            foreach (var record in JournalRecord.ReadAll(segment))
            {
                try
                {
                    Apply(record);
                    count++;
                }
                catch (InvalidProtocolBufferException)
                {
                    Log.SkippedRecord(logger, segment);
                }
            }
        }

        return count;
    }

    private void Apply(JournalRecord record)
    {
        if (record.IsCleared)
        {
            store.Clear(record.Signal);
            return;
        }

        switch (record.Signal)
        {
            case TelemetrySignal.Traces: store.AddTraces(ExportTraceServiceRequest.Parser.ParseFrom(record.Payload)); break;
            case TelemetrySignal.Logs: store.AddLogs(ExportLogsServiceRequest.Parser.ParseFrom(record.Payload)); break;
            case TelemetrySignal.Metrics: store.AddMetrics(ExportMetricsServiceRequest.Parser.ParseFrom(record.Payload)); break;
        }
    }

    private async Task WriteAsync(string directory, long number)
    {
        var segmentLimit = Math.Max(1L << 20, _options.MaxBytes / 8);
        FileStream? segment = null;
        try
        {
            await foreach (var record in _queue.Reader.ReadAllAsync())
            {
                if (segment is null || segment.Length + record.Size > segmentLimit)
                {
                    segment?.Dispose();
                    segment = Open(Path.Combine(directory, $"journal-{number++.ToString("D8", CultureInfo.InvariantCulture)}.otlp"));
                    Prune(directory);
                }

                record.WriteTo(segment);
                if (_queue.Reader.Count == 0)
                {
                    await segment.FlushAsync();
                }
            }
        }
        catch (IOException ex)
        {
            Log.WriteFailed(logger, ex.Message); // disk full: the store keeps working, only the journal stops
        }
        finally
        {
            segment?.Dispose();
        }
    }

    private static FileStream Open(string path) => new(path, new FileStreamOptions
    {
        Mode = FileMode.CreateNew,
        Access = FileAccess.Write,
        Share = FileShare.Read,
        UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite, // telemetry can hold anything a service logged
    });

    /// <summary>Deletes the oldest segments until the journal fits its budget (the newest, being written, always stays).</summary>
    private void Prune(string directory)
    {
        var segments = Segments(directory).Select(path => new FileInfo(path)).ToList();
        var total = segments.Sum(s => s.Length);
        foreach (var oldest in segments.SkipLast(1))
        {
            if (total <= _options.MaxBytes - Math.Max(1L << 20, _options.MaxBytes / 8))
            {
                break;
            }

            total -= oldest.Length;
            oldest.Delete();
        }
    }

    private static List<string> Segments(string directory) =>
        [.. Directory.GetFiles(directory, SegmentPattern).OrderBy(Number)];

    private static long Number(string path) =>
        long.TryParse(Path.GetFileNameWithoutExtension(path).AsSpan("journal-".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;

    private static partial class Log
    {
        [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Replayed {Records} telemetry export(s) from {Segments} journal segment(s) in {Directory}")]
        public static partial void Replayed(ILogger logger, int records, int segments, string directory);

        [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Skipped an unreadable record in {Segment}")]
        public static partial void SkippedRecord(ILogger logger, string segment);

        [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "The telemetry journal stopped writing: {Reason}. Telemetry stays in memory only.")]
        public static partial void WriteFailed(ILogger logger, string reason);
    }
}
