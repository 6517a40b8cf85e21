using Gateway.Features.Caching;
using Gateway.Features.Keys;
using Gateway.Features.Models;
using Gateway.Features.RateLimiting;
using Gateway.Infrastructure;
using Gateway.Infrastructure.Cors;
using Gateway.Infrastructure.Errors;
using Microsoft.Extensions.Options;

namespace Gateway.Features.Messages;

internal static class MessagesEndpoints
{
    public static IEndpointRouteBuilder MapMessagesEndpoints(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").WithTags("Messages").RequireCors(CorsExtensions.PolicyName);
        v1.MapPost("/messages", CreateMessage);
        v1.MapPost("/messages/count_tokens", CountTokens);
        // Anthropic SDKs expect their own error shape for every /v1 path, unknown ones included.
        v1.MapFallback("{**path}", NotFound);
        return app;
    }

    /// <summary>
    /// Body → key presented → request valid for a listed model → key admitted (limits, budget) → cache → provider
    /// or mock. Invalid requests are refused before the admission, so they cost the key nothing.
    /// </summary>
    internal static async Task<IResult> CreateMessage(
        HttpContext context, AccessGate gate, MessageDispatcher dispatcher, ModelCatalog catalog, ResponseCache cache,
        CallSettler settler, GatewayMetrics metrics, IOptions<MessagesOptions> options, ILoggerFactory loggers)
    {
        var (incoming, problem) = await ReadAsync(context, gate, catalog, ParseMode.Messages, options.Value, loggers);
        if (incoming is null)
        {
            metrics.RequestCompleted("messages", "invalid", problem!.StatusCode);
            return problem;
        }

        var (body, credential, request, model) = incoming;
        var (admitted, refusal) = await gate.AdmitAsync(credential, TokenEstimate.InputTokens(request));
        if (admitted is null)
        {
            metrics.RequestCompleted("messages", "refused", refusal!.StatusCode);
            return refusal;
        }

        var directive = cache.Enabled && !request.Stream ? CacheDirective.From(context.Request) : CacheDirective.Bypass;
        var cacheKey = directive.MayRead || directive.MayWrite ? cache.KeyFor(body, context.Request.Headers, credential.Id) : null;
        if (cacheKey is not null && directive.MayRead)
        {
            var hit = await cache.GetAsync(cacheKey);
            metrics.CacheLookup(hit is not null);
            if (hit is not null)
            {
                context.Response.OnCompleted(() => settler.CachedAsync(admitted, model));
                return new CachedAnswerResult(hit);
            }
        }

        if (!request.Stream)
        {
            context.Response.Headers[ResponseCache.ResultHeader] = directive.MayRead ? "miss" : "bypass";
        }

        var activity = GatewayTelemetry.StartChat(request.Model, request.MaxTokens, dispatcher.CallsUpstream);
        if (activity is not null)
        {
            // The span ends with the response, so a streamed answer is timed to its last byte.
            context.Response.RegisterForDispose(activity);
        }

        return await dispatcher.DispatchAsync(new MessageCall(context, request, body, activity, settler.For(admitted, model, cacheKey)));
    }

    /// <summary>Same door as Messages (key, catalog, one request against the key's limit); the count itself costs no tokens.</summary>
    internal static async Task<IResult> CountTokens(
        HttpContext context, AccessGate gate, TokenCounter counter, ModelCatalog catalog, IOptions<MessagesOptions> options, ILoggerFactory loggers)
    {
        var (incoming, problem) = await ReadAsync(context, gate, catalog, ParseMode.CountTokens, options.Value, loggers);
        if (incoming is null)
        {
            return problem!;
        }

        var (admitted, refusal) = await gate.AdmitAsync(incoming.Credential, estimatedTokens: 0);
        return admitted is null ? refusal! : await counter.CountAsync(context, incoming.Request, incoming.Body);
    }

    /// <summary>What both endpoints check before charging a key: a readable body, a presented key, a valid request for a listed model.</summary>
    private static async Task<(IncomingRequest? Incoming, AnthropicErrorResult? Problem)> ReadAsync(
        HttpContext context, AccessGate gate, ModelCatalog catalog, ParseMode mode, MessagesOptions options, ILoggerFactory loggers)
    {
        var body = await RequestBody.ReadAsync(context, options.MaxRequestBodyBytes);
        if (body.Error is { } unreadable)
        {
            return (null, unreadable);
        }

        var credential = gate.Credential(context.Request);
        if (credential is null)
        {
            return (null, AnthropicErrors.MissingApiKey());
        }

        var validation = MessageValidation.Validate(body.Content, catalog, mode);
        if (validation.Problem is { } problem)
        {
            Log.RequestRejected(loggers.CreateLogger(typeof(MessagesEndpoints)), problem.Message);
            return (null, problem);
        }

        return (new IncomingRequest(body.Content, credential, validation.Request!, validation.Model!), null);
    }

    private sealed record IncomingRequest(ReadOnlyMemory<byte> Body, ClientCredential Credential, MessageRequest Request, CatalogModel Model);

    internal static AnthropicErrorResult NotFound() => AnthropicErrors.NotFound();
}
