using System.Diagnostics;
using Gateway.Features.Messages.Mock;
using Gateway.Features.Messages.Upstream;
using Gateway.Infrastructure;
using Gateway.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Gateway.Features.Messages;

internal static class MessagesEndpoints
{
    public static IEndpointRouteBuilder MapMessagesEndpoints(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").WithTags("Messages");
        v1.MapPost("/messages", CreateMessage);
        // Anthropic SDKs expect their own error shape for every /v1 path, unknown ones included.
        v1.MapFallback("{**path}", NotFound);
        return app;
    }

    internal static async Task<Results<UpstreamResult, MockMessageResult, AnthropicErrorResult>> CreateMessage(
        HttpContext context, AnthropicClient upstream, IOptions<MessagesOptions> options, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(MessagesEndpoints));
        var body = await RequestBody.ReadAsync(context, options.Value.MaxRequestBodyBytes);
        if (body.Error is { } unreadable)
        {
            return unreadable;
        }

        if (!MessageRequestParser.TryParse(body.Content, out var request, out var problem))
        {
            Log.RequestRejected(logger, problem);
            return AnthropicErrors.InvalidRequest(problem);
        }

        var activity = GatewayTelemetry.StartChat(request.Model, request.MaxTokens, upstream.IsConfigured);
        if (activity is not null)
        {
            // The span ends with the response, so a streamed answer is timed to its last byte.
            context.Response.RegisterForDispose(activity);
        }

        return upstream.IsConfigured
            ? await ForwardAsync(context, upstream, body.Content, activity)
            : Mock(request, activity, logger);
    }

    internal static AnthropicErrorResult NotFound() => AnthropicErrors.NotFound();

    private static MockMessageResult Mock(MessageRequest request, Activity? activity, ILogger logger)
    {
        var reply = MockModel.Answer(request);
        activity.SetUsage(reply.InputTokens, reply.OutputTokens, reply.StopReason);
        Log.MockAnswered(logger, request.Model, reply.OutputTokens, reply.StopReason);
        return new MockMessageResult(request, reply);
    }

    private static async Task<Results<UpstreamResult, MockMessageResult, AnthropicErrorResult>> ForwardAsync(
        HttpContext context, AnthropicClient upstream, ReadOnlyMemory<byte> body, Activity? activity)
    {
        try
        {
            var response = await upstream.SendAsync(body, context.Request.Headers, context.RequestAborted);
            activity?.SetTag("http.response.status_code", (int)response.StatusCode);
            return new UpstreamResult(response);
        }
        catch (UpstreamUnavailableException e)
        {
            activity?.SetTag("error.type", e.TimedOut ? "timeout" : "unreachable");
            return e.TimedOut ? AnthropicErrors.UpstreamTimedOut() : AnthropicErrors.UpstreamUnreachable();
        }
    }
}
