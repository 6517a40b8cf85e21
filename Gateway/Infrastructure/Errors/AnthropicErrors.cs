namespace Gateway.Infrastructure.Errors;

/// <summary>The Gateway's own errors, with the status codes, type names and (where Anthropic has one) the wording Anthropic uses.</summary>
internal static class AnthropicErrors
{
    public static AnthropicErrorResult InvalidRequest(string message) =>
        new(StatusCodes.Status400BadRequest, "invalid_request_error", message);

    public static AnthropicErrorResult MissingApiKey() =>
        new(StatusCodes.Status401Unauthorized, "authentication_error", "x-api-key header is required");

    public static AnthropicErrorResult InvalidApiKey() =>
        new(StatusCodes.Status401Unauthorized, "authentication_error", "invalid x-api-key");

    public static AnthropicErrorResult NotFound(string message = "Not found") =>
        new(StatusCodes.Status404NotFound, "not_found_error", message);

    public static AnthropicErrorResult RequestTooLarge(long limitBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, "request_too_large",
            $"Request exceeds the maximum allowed number of bytes ({limitBytes}).");

    public static AnthropicErrorResult RateLimited(string message) =>
        new(StatusCodes.Status429TooManyRequests, "rate_limit_error", message);

    public static AnthropicErrorResult UpstreamUnreachable() =>
        new(StatusCodes.Status502BadGateway, "api_error", "The upstream model provider could not be reached.");

    public static AnthropicErrorResult UpstreamTimedOut() =>
        new(StatusCodes.Status504GatewayTimeout, "timeout_error", "The upstream model provider did not answer in time.");

    public static AnthropicErrorResult KeyStoreUnavailable() =>
        new(StatusCodes.Status503ServiceUnavailable, "api_error", "The gateway cannot check keys and limits right now (its store is unavailable). Retry shortly.");

    public static AnthropicErrorResult Internal() =>
        new(StatusCodes.Status500InternalServerError, "api_error", "An unexpected error occurred in the gateway.");
}
