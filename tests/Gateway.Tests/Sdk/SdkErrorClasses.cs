using Anthropic.Exceptions;
using Gateway.Tests.Support;

namespace Gateway.Tests.Sdk;

/// <summary>Anthropic's error classes: the stub scenario, the status and type Anthropic sends, and the exception the SDK must raise.</summary>
internal static class SdkErrorClasses
{
    public static TheoryData<string, int, string, Type> All => new()
    {
        { "400", 400, "invalid_request_error", typeof(AnthropicBadRequestException) },
        { "401", 401, "authentication_error", typeof(AnthropicUnauthorizedException) },
        { "402", 402, "billing_error", typeof(AnthropicPaymentRequiredException) },
        { "403", 403, "permission_error", typeof(AnthropicForbiddenException) },
        { "404", 404, "not_found_error", typeof(AnthropicNotFoundException) },
        { "413", 413, "request_too_large", typeof(AnthropicContentTooLargeException) },
        { "429", 429, "rate_limit_error", typeof(AnthropicRateLimitException) },
        { "500", 500, "api_error", typeof(Anthropic5xxException) },
        { "529", 529, "overloaded_error", typeof(AnthropicOverloadedException) },
    };

    public static void AssertMatches(AnthropicApiException error, int status, string type, Type exception)
    {
        Assert.IsType(exception, error, exactMatch: true);
        Assert.Equal(status, (int)error.StatusCode);
        Assert.Equal(type, error.Type?.Raw());
        Assert.Equal(AnthropicStub.RequestId, error.RequestID);
    }
}
