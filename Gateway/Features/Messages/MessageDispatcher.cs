using System.Diagnostics;
using Gateway.Features.Messages.Mock;
using Gateway.Features.Messages.Upstream;
using Gateway.Features.Usage;
using Gateway.Infrastructure;
using Gateway.Infrastructure.Errors;

namespace Gateway.Features.Messages;

internal sealed record MessageCall(HttpContext Context, MessageRequest Request, ReadOnlyMemory<byte> Body, Activity? Activity, Func<CallOutcome, ValueTask> OnCompleted);

internal readonly record struct CallOutcome(TokenUsage Usage, string? ResponseModel, bool Mocked, bool Succeeded, int StatusCode, CachedReply? Cacheable);

internal sealed record CachedReply(int StatusCode, string ContentType, ReadOnlyMemory<byte> Body);

/// <summary>PLACEHOLDER until the resilience branch lands: answers with the mock or forwards once.</summary>
internal sealed class MessageDispatcher(AnthropicClient upstream)
{
    public bool UsesUpstream => upstream.IsConfigured;

    public async Task<IResult> DispatchAsync(MessageCall call)
    {
        if (!upstream.IsConfigured)
        {
            var reply = MockModel.Answer(call.Request);
            var outcome = new CallOutcome(new TokenUsage(reply.InputTokens, reply.OutputTokens), call.Request.Model, true, true, 200, null);
            call.Context.Response.OnCompleted(() => call.OnCompleted(outcome).AsTask());
            call.Activity.SetUsage(reply.InputTokens, reply.OutputTokens, reply.StopReason);
            return new MockMessageResult(call.Request, reply);
        }

        call.Context.Response.OnCompleted(() => call.OnCompleted(default).AsTask());
        try
        {
            var response = await upstream.SendAsync(call.Body, call.Context.Request.Headers, call.Context.RequestAborted);
            return new UpstreamResult(response);
        }
        catch (UpstreamUnavailableException e)
        {
            return e.TimedOut ? AnthropicErrors.UpstreamTimedOut() : AnthropicErrors.UpstreamUnreachable();
        }
    }
}
