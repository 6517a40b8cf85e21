using Gateway.Infrastructure;
using Gateway.Infrastructure.Errors;
using Microsoft.Extensions.Options;

namespace Gateway.Features.Messages;

internal static class MessagesEndpoints
{
    public static IEndpointRouteBuilder MapMessagesEndpoints(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").WithTags("Messages");
        v1.MapPost("/messages", CreateMessage);
        v1.MapPost("/messages/count_tokens", CountTokens);
        // Anthropic SDKs expect their own error shape for every /v1 path, unknown ones included.
        v1.MapFallback("{**path}", NotFound);
        return app;
    }

    internal static async Task<IResult> CreateMessage(
        HttpContext context, MessageDispatcher dispatcher, IOptions<MessagesOptions> options, ILoggerFactory loggers)
    {
        var body = await RequestBody.ReadAsync(context, options.Value.MaxRequestBodyBytes);
        if (body.Error is { } unreadable)
        {
            return unreadable;
        }

        if (!MessageRequestParser.TryParse(body.Content, out var request, out var problem))
        {
            Log.RequestRejected(loggers.CreateLogger(typeof(MessagesEndpoints)), problem);
            return AnthropicErrors.InvalidRequest(problem);
        }

        var activity = GatewayTelemetry.StartChat(request.Model, request.MaxTokens, dispatcher.CallsUpstream);
        if (activity is not null)
        {
            // The span ends with the response, so a streamed answer is timed to its last byte.
            context.Response.RegisterForDispose(activity);
        }

        return await dispatcher.DispatchAsync(new MessageCall(context, request, body.Content, activity, NothingMoreToDo));
    }

    internal static async Task<IResult> CountTokens(
        HttpContext context, TokenCounter counter, IOptions<MessagesOptions> options, ILoggerFactory loggers)
    {
        var body = await RequestBody.ReadAsync(context, options.Value.MaxRequestBodyBytes);
        if (body.Error is { } unreadable)
        {
            return unreadable;
        }

        if (!MessageRequestParser.TryParse(body.Content, ParseMode.CountTokens, out var request, out var problem))
        {
            Log.RequestRejected(loggers.CreateLogger(typeof(MessagesEndpoints)), problem);
            return AnthropicErrors.InvalidRequest(problem);
        }

        return await counter.CountAsync(context, request, body.Content);
    }

    internal static AnthropicErrorResult NotFound() => AnthropicErrors.NotFound();

    // The ledger and cache steps will hook in here; until then a finished call needs no more work.
    private static ValueTask NothingMoreToDo(CallOutcome outcome) => ValueTask.CompletedTask;
}
