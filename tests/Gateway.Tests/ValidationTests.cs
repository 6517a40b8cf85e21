using System.Net;
using System.Net.Sockets;
using System.Text;
using Gateway.Tests.Support;

namespace Gateway.Tests;

/// <summary>Bad requests get Anthropic's 400 <c>invalid_request_error</c>, naming the field; never a 500 or ProblemDetails.</summary>
public sealed class ValidationTests(MockGatewayFixture fixture) : IClassFixture<MockGatewayFixture>
{
    private const string Messages = """[{"role":"user","content":"hi"}]""";

    public static TheoryData<string, string> InvalidBodies() => new()
    {
        { $$"""{"max_tokens":10,"messages":{{Messages}}}""", "model" },
        { $$"""{"model":"","max_tokens":10,"messages":{{Messages}}}""", "model" },
        { $$"""{"model":42,"max_tokens":10,"messages":{{Messages}}}""", "model" },
        { $$"""{"model":"m","messages":{{Messages}}}""", "max_tokens" },
        { $$"""{"model":"m","max_tokens":0,"messages":{{Messages}}}""", "max_tokens" },
        { $$"""{"model":"m","max_tokens":-5,"messages":{{Messages}}}""", "max_tokens" },
        { $$"""{"model":"m","max_tokens":1.5,"messages":{{Messages}}}""", "max_tokens" },
        { $$"""{"model":"m","max_tokens":"10","messages":{{Messages}}}""", "max_tokens" },
        { """{"model":"m","max_tokens":10}""", "messages" },
        { """{"model":"m","max_tokens":10,"messages":[]}""", "messages" },
        { """{"model":"m","max_tokens":10,"messages":"hi"}""", "messages" },
        { """{"model":"m","max_tokens":10,"messages":[1]}""", "messages.0" },
        { """{"model":"m","max_tokens":10,"messages":[{"content":"hi"}]}""", "messages.0.role" },
        { """{"model":"m","max_tokens":10,"messages":[{"role":"system","content":"hi"}]}""", "messages.0.role" },
        { """{"model":"m","max_tokens":10,"messages":[{"role":"user"}]}""", "messages.0.content" },
        { """{"model":"m","max_tokens":10,"messages":[{"role":"user","content":7}]}""", "messages.0.content" },
        { """{"model":"m","max_tokens":10,"messages":[{"role":"user","content":"a"},{"role":"bot","content":"b"}]}""", "messages.1.role" },
        { $$"""{"model":"m","max_tokens":10,"stream":"yes","messages":{{Messages}}}""", "stream" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Invalid_field_is_rejected_with_its_name(string body, string field)
    {
        using var response = await Requests.SendAsync(fixture.Client, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (type, message) = await Requests.ReadErrorAsync(response);
        Assert.Equal("invalid_request_error", type);
        Assert.StartsWith(field + ":", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"model":""")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task Malformed_json_is_an_invalid_request(string body)
    {
        using var response = await Requests.SendAsync(fixture.Client, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (type, message) = await Requests.ReadErrorAsync(response);
        Assert.Equal("invalid_request_error", type);
        Assert.Contains("JSON", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    public async Task Body_that_is_not_an_object_is_an_invalid_request(string body)
    {
        using var response = await Requests.SendAsync(fixture.Client, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (type, message) = await Requests.ReadErrorAsync(response);
        Assert.Equal("invalid_request_error", type);
        Assert.Contains("JSON object", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/v1/complete")]
    [InlineData("GET", "/v1/files")]
    [InlineData("GET", "/v1/messages")]
    public async Task Unknown_v1_route_is_not_found_error(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await fixture.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var (type, _) = await Requests.ReadErrorAsync(response);
        Assert.Equal("not_found_error", type);
    }

    [Fact]
    public async Task Body_Kestrel_cannot_decode_is_an_invalid_request_not_problem_details()
    {
        // HttpClient cannot send broken chunked framing; a raw socket can.
        using var socket = new TcpClient();
        await socket.ConnectAsync(fixture.Gateway.BaseAddress.Host, fixture.Gateway.BaseAddress.Port, TestContext.Current.CancellationToken);
        var stream = socket.GetStream();
        var request = "POST /v1/messages HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nnot-hex\r\n{}\r\n0\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), TestContext.Current.CancellationToken);

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var raw = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);

        Assert.StartsWith("HTTP/1.1 400 ", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("problem+json", raw, StringComparison.Ordinal);
        Assert.Contains("{\"type\":\"error\"", raw, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"invalid_request_error\"", raw, StringComparison.Ordinal);
    }
}
