using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace Api.Infrastructure.Gateway;

/// <summary>Typed client for the Gateway's Anthropic-compatible Messages API.</summary>
internal sealed class GatewayClient(HttpClient httpClient, IOptions<GatewayOptions> options, ILogger<GatewayClient> logger)
{
    public const int MaxTokens = 256;

    // Anthropic's API, and so the Gateway, rejects calls that don't pin the API version.
    private const string AnthropicVersion = "2023-06-01";

    public async Task<GatewayReply> SendMessageAsync(string prompt, CancellationToken cancellationToken)
    {
        var model = options.Value.Model;
        using var message = Request(new MessagesRequest(model, MaxTokens, [new MessageParam("user", prompt)]));
        var (status, body) = await SendAsync(message, cancellationToken);
        if ((int)status is < 200 or > 299)
        {
            throw Refused(status, body);
        }

        try
        {
            return GatewayResponses.ParseReply(body, model);
        }
        catch (GatewayException)
        {
            Log.GatewayReplyUnreadable(logger);
            throw;
        }
    }

    /// <summary>
    /// Starts a streamed reply (<c>"stream": true</c>) and returns once the Gateway has answered with headers.
    /// A refusal or an unreachable Gateway throws <see cref="GatewayException"/> here, before anything is streamed.
    /// </summary>
    public async Task<GatewayStream> StreamMessageAsync(
        string system, IReadOnlyList<MessageParam> messages, int maxTokens, CancellationToken cancellationToken)
    {
        var model = options.Value.Model;
        using var message = Request(new MessagesRequest(model, maxTokens, messages, system, Stream: true));
        HttpResponseMessage response;
        try
        {
            response = await httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unreachable(exception);
        }

        if (response.IsSuccessStatusCode)
        {
            return new GatewayStream(response, model, logger);
        }

        using (response)
        {
            throw Refused(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
    }

    private HttpRequestMessage Request(MessagesRequest request)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "v1/messages")
        {
            Content = JsonContent.Create(request, GatewayJsonContext.Default.MessagesRequest),
        };
        message.Headers.Add("anthropic-version", AnthropicVersion);
        if (options.Value.ApiKey is { Length: > 0 } apiKey)
        {
            message.Headers.Add("x-api-key", apiKey.Trim());
        }

        return message;
    }

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await httpClient.SendAsync(message, cancellationToken);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unreachable(exception);
        }
    }

    // However the call failed (refused, timed out, unresolvable name), to our caller it is the
    // gateway failing: a 502, never a 500.
    private GatewayException Unreachable(Exception exception)
    {
        Log.GatewayUnreachable(logger, httpClient.BaseAddress, exception);
        return new GatewayException("The gateway could not be reached.", innerException: exception);
    }

    private GatewayException Refused(HttpStatusCode status, string body)
    {
        var failure = GatewayResponses.ParseError(status, body);
        Log.GatewayRefused(logger, failure.StatusCode, failure.ErrorType);
        return failure;
    }
}
