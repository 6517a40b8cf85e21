using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Hosting.Dashboard;

namespace Hosting.Tests;

/// <summary>A plain HTTP client of the resource service, reading JSON and server-sent events as the wire carries them.</summary>
internal sealed class ResourceServiceCaller : IDisposable
{
    private ResourceServiceCaller(HttpClient http) => Http = http;

    public HttpClient Http { get; }

    public static ResourceServiceCaller Create(Uri url, string? apiKey)
    {
        var http = new HttpClient { BaseAddress = url, Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Add(ApiKeyCheck.HeaderName, apiKey);
        }

        return new ResourceServiceCaller(http);
    }

    public async Task<JsonElement> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await Http.GetAsync(path, cancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.Clone();
    }

    public async IAsyncEnumerable<JsonElement> EventsAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await Http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken))
        {
            yield return JsonDocument.Parse(item.Data).RootElement.Clone();
        }
    }

    public void Dispose() => Http.Dispose();
}

/// <summary>Reads a stream of events with a deadline.</summary>
internal static class EventReading
{
    /// <summary>Reads until <paramref name="match"/> holds; returns everything read, the match last.</summary>
    public static async Task<List<JsonElement>> ReadUntilAsync(this IAsyncEnumerator<JsonElement> events, Func<JsonElement, bool> match)
    {
        var read = new List<JsonElement>();
        while (true)
        {
            Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(RunningApp.Timeout, TestContext.Current.CancellationToken), "the stream ended");
            read.Add(events.Current);
            if (match(events.Current))
            {
                return read;
            }
        }
    }

    public static bool IsResource(this JsonElement resource, string name, string state) =>
        resource.GetProperty("name").GetString() == name && resource.GetProperty("state").GetString() == state;
}
