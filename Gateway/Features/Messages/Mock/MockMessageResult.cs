using System.Text.Json;
using Gateway.Infrastructure;

namespace Gateway.Features.Messages.Mock;

/// <summary>Writes a mock reply exactly as Anthropic would — one JSON Message, or its event stream — at the configured pace.</summary>
internal sealed class MockMessageResult(MockReply reply, MockOptions pacing, TimeProvider timeProvider, CallScope scope)
    : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var request = scope.Call.Request;
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        MockHeaders.Apply(response, scope.FallbackReason is not null);
        var facts = new ReplyFacts { Id = RequestIds.NewMessageId(), Model = request.Model };
        // Stays set only if something unexpected escapes; the call is finished below either way.
        string? errorType = "gateway_error";
        try
        {
            if (request.Stream)
            {
                var stream = new MockEventStream(httpContext, scope, reply, pacing, timeProvider);
                try
                {
                    await stream.WriteAsync(facts.Id);
                }
                finally
                {
                    facts = stream.Facts;
                }
            }
            else
            {
                await WriteMessageAsync(httpContext, facts.Id);
                facts.StopReason = reply.StopReason;
                facts.InputTokens = reply.InputTokens;
                facts.OutputTokens = reply.OutputTokens;
            }

            errorType = null;
        }
        catch (Exception e) when (e is IOException or OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            Log.ClientLeft(scope.Logger, request.Model);
            errorType = Resilience.UpstreamAttempt.ClientGone;
        }
        finally
        {
            Log.MockAnswered(scope.Logger, request.Model, (int)facts.OutputTokens, reply.StopReason);
            await scope.FinishAsync(facts, new CallEnd(errorType is null, StatusCodes.Status200OK, Mocked: true, errorType));
        }
    }

    private async Task WriteMessageAsync(HttpContext httpContext, string id)
    {
        var cancellationToken = httpContext.RequestAborted;
        // A JSON answer arrives whole, after the model would have produced all of it.
        var delay = pacing.FirstChunkDelay + pacing.TimeFor(reply.OutputTokens);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, timeProvider, cancellationToken);
        }

        var request = scope.Call.Request;
        var message = new MessageResponse(id, request.Model, [new TextBlock(reply.Text)], reply.StopReason, new Usage(reply.InputTokens, reply.OutputTokens));
        var body = JsonSerializer.SerializeToUtf8Bytes(message, MessagesJsonContext.Wire.MessageResponse);
        var response = httpContext.Response;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, cancellationToken);
    }
}
