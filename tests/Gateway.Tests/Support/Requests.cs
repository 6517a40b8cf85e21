using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Gateway.Tests.Support;

/// <summary>Messages requests as an SDK sends them.</summary>
internal static class Requests
{
    public static string Body(string model, int maxTokens = 256, bool stream = false, string text = "Tell me about the Gateway, please.") =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["model"] = model,
            ["max_tokens"] = maxTokens,
            ["stream"] = stream,
            ["messages"] = new object[] { new Dictionary<string, object> { ["role"] = "user", ["content"] = text } },
        });

    public static HttpRequestMessage Post(string body, string path = "/v1/messages") => new(HttpMethod.Post, path)
    {
        Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
    };

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, string body) =>
        client.SendAsync(Post(body), HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);

    /// <summary>The Anthropic error envelope of a response, asserting its shape on the way.</summary>
    public static async Task<(string Type, string Message)> ReadErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal("error", root.GetProperty("type").GetString());
        var error = root.GetProperty("error");
        return (error.GetProperty("type").GetString()!, error.GetProperty("message").GetString()!);
    }
}
