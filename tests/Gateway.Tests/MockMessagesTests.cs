using System.Net;
using System.Text.Json;
using Gateway.Tests.Support;

namespace Gateway.Tests;

/// <summary>Without an API key the Gateway answers with its mock model, in Anthropic's exact wire format.</summary>
public sealed class MockMessagesTests(MockGatewayFixture fixture) : IClassFixture<MockGatewayFixture>
{
    private const string UserText = "What is the capital of France? Answer in one word.";
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Json_reply_has_Anthropics_message_shape()
    {
        using var response = await Requests.SendAsync(_client, Requests.Body("claude-sonnet-4-5", text: UserText));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("req_", Assert.Single(response.Headers.GetValues("request-id")), StringComparison.Ordinal);
        var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.StartsWith("msg_", message.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("message", message.GetProperty("type").GetString());
        Assert.Equal("assistant", message.GetProperty("role").GetString());
        Assert.Equal("claude-sonnet-4-5", message.GetProperty("model").GetString());
        var block = Assert.Single(message.GetProperty("content").EnumerateArray());
        Assert.Equal("text", block.GetProperty("type").GetString());
        var text = block.GetProperty("text").GetString()!;
        Assert.Contains("What is the capital of France?", text, StringComparison.Ordinal);
        Assert.Equal("end_turn", message.GetProperty("stop_reason").GetString());
        Assert.Equal(JsonValueKind.Null, message.GetProperty("stop_sequence").ValueKind);
        var usage = message.GetProperty("usage");
        Assert.Equal((UserText.Length + 3) / 4, usage.GetProperty("input_tokens").GetInt32());
        Assert.Equal((text.Length + 3) / 4, usage.GetProperty("output_tokens").GetInt32());
    }

    [Fact]
    public async Task Same_request_gets_the_same_text()
    {
        var first = await ReplyTextAsync(Requests.Body("claude-haiku-4-5", text: UserText));
        var second = await ReplyTextAsync(Requests.Body("claude-haiku-4-5", text: UserText));
        var other = await ReplyTextAsync(Requests.Body("claude-haiku-4-5", text: "Something else entirely"));

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Quotes_the_last_user_message_from_text_blocks()
    {
        const string body = """
            {"model":"m","max_tokens":200,"system":"Be brief.","messages":[
              {"role":"user","content":"first question"},
              {"role":"assistant","content":[{"type":"text","text":"first answer"}]},
              {"role":"user","content":[{"type":"text","text":"second question"}]}]}
            """;

        var text = await ReplyTextAsync(body);

        Assert.Contains("second question", text, StringComparison.Ordinal);
        Assert.DoesNotContain("first question", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Max_tokens_truncates_and_reports_max_tokens()
    {
        var full = await ReplyTextAsync(Requests.Body("m", maxTokens: 4096, text: UserText));
        using var response = await Requests.SendAsync(_client, Requests.Body("m", maxTokens: 3, text: UserText));

        var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        var text = message.GetProperty("content")[0].GetProperty("text").GetString()!;
        Assert.Equal("max_tokens", message.GetProperty("stop_reason").GetString());
        Assert.Equal(3, message.GetProperty("usage").GetProperty("output_tokens").GetInt32());
        Assert.Equal(full[..12], text);
    }

    [Fact]
    public async Task Stream_sends_Anthropics_event_sequence_event_by_event()
    {
        var expected = JsonDocument.Parse(await ReplyJsonAsync(Requests.Body("claude-opus-4-1", text: UserText))).RootElement;
        using var response = await Requests.SendAsync(_client, Requests.Body("claude-opus-4-1", stream: true, text: UserText));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("req_", Assert.Single(response.Headers.GetValues("request-id")), StringComparison.Ordinal);
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        var events = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);

        var names = events.Select(e => e.Name).ToArray();
        var deltas = names.Count(n => n == "content_block_delta");
        Assert.True(deltas >= 2, $"expected several deltas, got {deltas}");
        string[] sequence = ["message_start", "content_block_start", "ping", .. Enumerable.Repeat("content_block_delta", deltas), "content_block_stop", "message_delta", "message_stop"];
        Assert.Equal(sequence, names);
        Assert.All(events, e => Assert.Equal(e.Name, e.Json.GetProperty("type").GetString()));

        var start = events[0].Json.GetProperty("message");
        Assert.StartsWith("msg_", start.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("claude-opus-4-1", start.GetProperty("model").GetString());
        Assert.Equal(0, start.GetProperty("content").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, start.GetProperty("stop_reason").ValueKind);
        Assert.Equal(expected.GetProperty("usage").GetProperty("input_tokens").GetInt32(), start.GetProperty("usage").GetProperty("input_tokens").GetInt32());
        Assert.Equal(1, start.GetProperty("usage").GetProperty("output_tokens").GetInt32());

        var blockStart = events[1].Json;
        Assert.Equal(0, blockStart.GetProperty("index").GetInt32());
        Assert.Equal("text", blockStart.GetProperty("content_block").GetProperty("type").GetString());
        Assert.Equal("", blockStart.GetProperty("content_block").GetProperty("text").GetString());

        var streamed = string.Concat(events.Where(e => e.Name == "content_block_delta").Select(e => e.Json.GetProperty("delta")).Select(d =>
        {
            Assert.Equal("text_delta", d.GetProperty("type").GetString());
            return d.GetProperty("text").GetString();
        }));
        Assert.Equal(expected.GetProperty("content")[0].GetProperty("text").GetString(), streamed);

        var messageDelta = events[^2].Json;
        Assert.Equal("end_turn", messageDelta.GetProperty("delta").GetProperty("stop_reason").GetString());
        Assert.Equal(JsonValueKind.Null, messageDelta.GetProperty("delta").GetProperty("stop_sequence").ValueKind);
        Assert.Equal(expected.GetProperty("usage").GetProperty("output_tokens").GetInt32(), messageDelta.GetProperty("usage").GetProperty("output_tokens").GetInt32());
    }

    [Fact]
    public async Task Stream_frames_are_exactly_event_line_data_line_blank_line()
    {
        using var response = await Requests.SendAsync(_client, Requests.Body("m", stream: true));
        var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.EndsWith("\n\n", raw, StringComparison.Ordinal);
        var frames = raw[..^2].Split("\n\n");
        Assert.All(frames, frame =>
        {
            var lines = frame.Split('\n');
            Assert.Equal(2, lines.Length);
            Assert.StartsWith("event: ", lines[0], StringComparison.Ordinal);
            Assert.StartsWith("data: ", lines[1], StringComparison.Ordinal);
            var data = JsonDocument.Parse(lines[1]["data: ".Length..]).RootElement;
            Assert.Equal(lines[0]["event: ".Length..], data.GetProperty("type").GetString());
        });
    }

    [Fact]
    public async Task Stream_honours_max_tokens()
    {
        using var response = await Requests.SendAsync(_client, Requests.Body("m", maxTokens: 2, stream: true, text: UserText));
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        var events = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);

        var messageDelta = events.Single(e => e.Name == "message_delta").Json;
        Assert.Equal("max_tokens", messageDelta.GetProperty("delta").GetProperty("stop_reason").GetString());
        Assert.Equal(2, messageDelta.GetProperty("usage").GetProperty("output_tokens").GetInt32());
        var streamed = string.Concat(events.Where(e => e.Name == "content_block_delta").Select(e => e.Json.GetProperty("delta").GetProperty("text").GetString()));
        Assert.Equal(8, streamed.Length);
        Assert.Equal("message_stop", events[^1].Name);
    }

    private async Task<string> ReplyJsonAsync(string body)
    {
        using var response = await Requests.SendAsync(_client, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    private async Task<string> ReplyTextAsync(string body) =>
        JsonDocument.Parse(await ReplyJsonAsync(body)).RootElement.GetProperty("content")[0].GetProperty("text").GetString()!;
}
