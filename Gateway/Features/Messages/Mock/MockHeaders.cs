using Gateway.Infrastructure;

namespace Gateway.Features.Messages.Mock;

/// <summary>The headers every mock answer carries, so a client or an operator can tell it from the provider's.</summary>
internal static class MockHeaders
{
    public const string Mock = "x-gateway-mock";
    public const string Fallback = "x-gateway-fallback";

    public static void Apply(HttpResponse response, bool fellBack)
    {
        response.Headers["request-id"] = RequestIds.NewRequestId();
        response.Headers[Mock] = "true";
        if (fellBack)
        {
            response.Headers[Fallback] = "mock";
        }
    }
}
