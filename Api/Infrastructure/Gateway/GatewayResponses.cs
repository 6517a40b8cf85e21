using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Api.Infrastructure.Gateway;

/// <summary>Turns the Gateway's response bodies into a reply or a <see cref="GatewayException"/>.</summary>
internal static class GatewayResponses
{
    public static GatewayReply ParseReply(string body, string requestedModel)
    {
        var response = Deserialize(body, GatewayJsonContext.Default.MessagesResponse);
        if (response is not { Type: "message", Content: { } content })
        {
            throw new GatewayException("The gateway's answer was not a Messages API message.", (int)HttpStatusCode.OK);
        }

        var text = string.Concat(content.Where(block => block.Type == "text").Select(block => block.Text));
        return new GatewayReply(
            text,
            response.Model ?? requestedModel,
            response.Usage?.InputTokens ?? 0,
            response.Usage?.OutputTokens ?? 0);
    }

    public static GatewayException ParseError(HttpStatusCode status, string body)
    {
        var statusCode = (int)status;
        var response = Deserialize(body, GatewayJsonContext.Default.ErrorResponse);
        if (response is { Type: "error", Error: { Type: { } type } error })
        {
            return new GatewayException($"The gateway answered {statusCode} {type}: {error.Message}", statusCode, type);
        }

        // Not Anthropic's shape (a proxy's HTML page, say): don't echo an unknown body to clients.
        return new GatewayException($"The gateway answered {statusCode} {status} without an error body.", statusCode);
    }

    private static T? Deserialize<T>(string body, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return JsonSerializer.Deserialize(body, typeInfo);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
