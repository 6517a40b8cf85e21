using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace Api.Tests.Support;

internal sealed record ChatEvent(string Name, JsonElement Data);

/// <summary>Posts chat messages and reads the server-sent events back, as a browser's EventSource parser would.</summary>
internal static class ChatEvents
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid projectId, object body) =>
        await client.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, $"/api/projects/{projectId}/chat") { Content = JsonContent.Create(body) },
            HttpCompletionOption.ResponseHeadersRead,
            TestContext.Current.CancellationToken);

    /// <summary>Posts <paramref name="content"/> and reads the whole event stream, asserting it is one.</summary>
    public static async Task<IReadOnlyList<ChatEvent>> ChatAsync(HttpClient client, Guid projectId, string content)
    {
        using var response = await PostAsync(client, projectId, new { content });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = new List<ChatEvent>();
        await foreach (var item in Read(response))
        {
            events.Add(item);
        }

        return events;
    }

    public static async IAsyncEnumerable<ChatEvent> Read(HttpResponseMessage response)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var stream = await response.Content.ReadAsStreamAsync(cancellation);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellation))
        {
            yield return new ChatEvent(item.EventType, JsonDocument.Parse(item.Data).RootElement.Clone());
        }
    }

    public static string Text(IEnumerable<ChatEvent> events) =>
        string.Concat(events.Where(e => e.Name == "delta").Select(e => e.Data.GetProperty("text").GetString()));
}
