using System.Text;
using System.Text.Json;

namespace Gateway.Tests.Support;

internal sealed record SseEvent(string Name, string Data)
{
    public JsonElement Json => JsonDocument.Parse(Data).RootElement;
}

/// <summary>Reads server-sent events one at a time, as they arrive, the way an SDK does.</summary>
internal sealed class SseReader(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream, Encoding.UTF8);

    /// <summary>The next event, or <c>null</c> at the end of the stream.</summary>
    public async Task<SseEvent?> ReadAsync(CancellationToken cancellationToken)
    {
        string? name = null;
        var data = new StringBuilder();
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                return new SseEvent(name ?? "message", data.ToString());
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Append(line["data: ".Length..]);
            }
        }

        return null;
    }

    public async Task<IReadOnlyList<SseEvent>> ReadToEndAsync(CancellationToken cancellationToken)
    {
        var events = new List<SseEvent>();
        while (await ReadAsync(cancellationToken) is { } next)
        {
            events.Add(next);
        }

        return events;
    }

    public void Dispose() => _reader.Dispose();
}
