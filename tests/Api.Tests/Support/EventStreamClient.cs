using System.Net;

namespace Api.Tests.Support;

/// <summary>Reads a <c>text/event-stream</c> answer frame by frame, as an EventSource would.</summary>
internal sealed class EventStreamClient : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private EventStreamClient(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _reader = new StreamReader(body);
    }

    public HttpStatusCode StatusCode => _response.StatusCode;

    public string? ContentType => _response.Content.Headers.ContentType?.MediaType;

    /// <summary>Opens the stream and, when it answers 200, waits for the <c>: subscribed</c> comment: live events flow from then on.</summary>
    public static async Task<EventStreamClient> OpenAsync(HttpClient client, string url, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        var stream = new EventStreamClient(response, await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        if (response.StatusCode == HttpStatusCode.OK)
        {
            await stream.ReadUntilAsync(frame => frame.Comments.Contains(" subscribed"));
        }

        return stream;
    }

    /// <summary>The next frame (fields and comments up to a blank line); null at the end of the stream.</summary>
    public async Task<SseFrame?> ReadFrameAsync(TimeSpan? timeout = null)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancellation.CancelAfter(timeout ?? TimeSpan.FromSeconds(30));
        var frame = new SseFrame();
        while (await _reader.ReadLineAsync(cancellation.Token) is { } line)
        {
            if (line.Length == 0)
            {
                return frame;
            }

            frame.Add(line);
        }

        return frame.IsEmpty ? null : frame;
    }

    /// <summary>Frames until one matches; fails the test at the end of the stream.</summary>
    public async Task<SseFrame> ReadUntilAsync(Func<SseFrame, bool> match)
    {
        while (await ReadFrameAsync() is { } frame)
        {
            if (match(frame))
            {
                return frame;
            }
        }

        throw new InvalidOperationException("The event stream ended before the expected frame.");
    }

    public async Task<string> ReadBodyAsync() => await _reader.ReadToEndAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}

internal sealed class SseFrame
{
    public string? Id { get; private set; }

    public string? Event { get; private set; }

    public string? Data { get; private set; }

    public List<string> Comments { get; } = [];

    public bool IsEmpty => Id is null && Event is null && Data is null && Comments.Count == 0;

    public void Add(string line)
    {
        if (line.StartsWith(':'))
        {
            Comments.Add(line[1..]);
            return;
        }

        var colon = line.IndexOf(':', StringComparison.Ordinal);
        var (field, value) = colon < 0 ? (line, "") : (line[..colon], line[(colon + 1)..].TrimStart(' '));
        switch (field)
        {
            case "id": Id = value; break;
            case "event": Event = value; break;
            case "data": Data = Data is null ? value : Data + "\n" + value; break;
        }
    }
}
