using System.Text.Json;
using Gateway.Infrastructure;

namespace Gateway.Features.Messages.Mock;

/// <summary>Writes a mock reply exactly as Anthropic would: one JSON Message, or its event stream.</summary>
internal sealed class MockMessageResult(MessageRequest request, MockReply reply)
    : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.Headers["request-id"] = RequestIds.NewRequestId();
        return request.Stream ? MockEventStream.WriteAsync(httpContext, request, reply) : WriteMessageAsync(httpContext);
    }

    private Task WriteMessageAsync(HttpContext httpContext)
    {
        httpContext.Response.ContentType = "application/json";
        var message = new MessageResponse(
            RequestIds.NewMessageId(),
            request.Model,
            [new TextBlock(reply.Text)],
            reply.StopReason,
            new Usage(reply.InputTokens, reply.OutputTokens));
        return JsonSerializer.SerializeAsync(
            httpContext.Response.Body, message, MessagesJsonContext.Wire.MessageResponse, httpContext.RequestAborted);
    }
}
