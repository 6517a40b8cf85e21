using System.Text.Json;

namespace Api.Features.Realtime;

/// <summary>Writes events as SSE frames, each once and in id order, flushing each so it leaves at once.</summary>
internal sealed class EventStreamWriter(Stream body, long? lastEventId)
{
    private long _lastSent = lastEventId ?? 0;

    public async Task WriteCommentAsync(string lines, CancellationToken cancellationToken)
    {
        await body.WriteAsync(EventStreamResult.Utf8(lines + "\n\n"), cancellationToken);
        await body.FlushAsync(cancellationToken);
    }

    /// <summary>Writes the events not sent yet; true when one of them ended the project (deleted).</summary>
    public async Task<bool> WriteAllAsync(IEnumerable<string> payloads, CancellationToken cancellationToken)
    {
        foreach (var payload in payloads)
        {
            if (await WriteAsync(payload, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Writes one event unless it was sent already (replay and live overlap); true when it ends the stream.</summary>
    public async Task<bool> WriteAsync(string payload, CancellationToken cancellationToken)
    {
        var (id, type) = Read(payload);
        if (id <= _lastSent)
        {
            return false;
        }

        _lastSent = id;
        await body.WriteAsync(EventStreamResult.Utf8($"id: {id}\nevent: {type}\ndata: {payload}\n\n"), cancellationToken);
        await body.FlushAsync(cancellationToken);
        return type == ProjectEvent.ProjectDeletedType;
    }

    private static (long Id, string Type) Read(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        return (document.RootElement.GetProperty("id").GetInt64(), document.RootElement.GetProperty("type").GetString()!);
    }
}
