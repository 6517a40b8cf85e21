using System.Net;
using Api.Infrastructure.Gateway;

namespace Api.Tests.Infrastructure;

public sealed class GatewayResponsesTests
{
    [Fact]
    public void A_reply_joins_its_text_blocks_and_reports_model_and_usage()
    {
        var reply = GatewayResponses.ParseReply(
            """
            {"type":"message","model":"claude-x","content":[{"type":"text","text":"Hi"},{"type":"tool_use","id":"t"},{"type":"text","text":"!"}],
             "usage":{"input_tokens":7,"output_tokens":2}}
            """,
            requestedModel: "requested");

        Assert.Equal(new GatewayReply("Hi!", "claude-x", 7, 2), reply);
    }

    [Fact]
    public void A_reply_without_a_model_reports_the_requested_one()
    {
        var reply = GatewayResponses.ParseReply("""{"type":"message","content":[]}""", requestedModel: "requested");

        Assert.Equal("requested", reply.Model);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>oops</html>")]
    [InlineData("""{"type":"error","error":{"type":"api_error","message":"boom"}}""")]
    [InlineData("""{"type":"message"}""")]
    public void A_success_status_with_an_unreadable_body_is_a_gateway_failure(string body)
    {
        var exception = Assert.Throws<GatewayException>(() => GatewayResponses.ParseReply(body, "requested"));

        Assert.Equal(200, exception.StatusCode);
    }

    [Fact]
    public void An_anthropic_error_keeps_its_type_and_message()
    {
        var exception = GatewayResponses.ParseError(
            HttpStatusCode.TooManyRequests,
            """{"type":"error","error":{"type":"rate_limit_error","message":"Slow down"}}""");

        Assert.Equal(429, exception.StatusCode);
        Assert.Equal("rate_limit_error", exception.ErrorType);
        Assert.Equal("The gateway answered 429 rate_limit_error: Slow down", exception.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body>Bad gateway secret-internal-detail</body></html>")]
    [InlineData("""{"message":"not anthropic"}""")]
    public void Any_other_error_body_is_reported_by_status_only(string body)
    {
        var exception = GatewayResponses.ParseError(HttpStatusCode.ServiceUnavailable, body);

        Assert.Equal(503, exception.StatusCode);
        Assert.Null(exception.ErrorType);
        Assert.Equal("The gateway answered 503 ServiceUnavailable without an error body.", exception.Message);
    }
}
