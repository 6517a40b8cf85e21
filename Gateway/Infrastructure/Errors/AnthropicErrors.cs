namespace Gateway.Infrastructure.Errors;

/// <summary>The Gateway's own errors, with the status codes and type names Anthropic uses for them.</summary>
internal static class AnthropicErrors
{
    public static AnthropicErrorResult InvalidRequest(string message) =>
        new(StatusCodes.Status400BadRequest, "invalid_request_error", message);

    public static AnthropicErrorResult NotFound() =>
        new(StatusCodes.Status404NotFound, "not_found_error", "Not found");

    public static AnthropicErrorResult RequestTooLarge(long limitBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, "request_too_large",
            $"Request exceeds the maximum allowed number of bytes ({limitBytes}).");

    public static AnthropicErrorResult UpstreamUnreachable() =>
        new(StatusCodes.Status502BadGateway, "api_error", "The upstream model provider could not be reached.");

    public static AnthropicErrorResult UpstreamTimedOut() =>
        new(StatusCodes.Status504GatewayTimeout, "api_error", "The upstream model provider did not answer in time.");

    public static AnthropicErrorResult Internal() =>
        new(StatusCodes.Status500InternalServerError, "api_error", "An unexpected error occurred in the gateway.");
}
