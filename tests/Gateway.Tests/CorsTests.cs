using System.Net;
using Gateway.Tests.Support;

namespace Gateway.Tests;

/// <summary>Browsers on the allowed origins may call /v1 with the headers the Anthropic SDKs send; others may not.</summary>
public sealed class CorsTests(MockGatewayFixture fixture) : IClassFixture<MockGatewayFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private const string SdkHeaders = "anthropic-version,content-type,x-api-key,anthropic-dangerous-direct-browser-access,x-stainless-os,x-stainless-retry-count";

    [Theory]
    [InlineData("/v1/messages", "POST")]
    [InlineData("/v1/models", "GET")]
    public async Task Preflight_from_a_local_front_end_allows_the_sdk_headers(string path, string method)
    {
        using var preflight = Preflight(path, "http://localhost:5173", method);

        using var response = await fixture.Client.SendAsync(preflight, Cancellation);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("http://localhost:5173", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var allowed = string.Join(',', response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        foreach (var header in SdkHeaders.Split(','))
        {
            Assert.Contains(header, allowed, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Other_origins_get_no_cors_grant()
    {
        using var preflight = Preflight("/v1/messages", "https://evil.example", "POST");

        using var response = await fixture.Client.SendAsync(preflight, Cancellation);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Answers_expose_request_id_and_rate_limit_headers_to_the_page()
    {
        using var request = Requests.Post(Requests.Body("m"));
        request.Headers.Add("Origin", "http://localhost:3000");

        using var response = await fixture.Client.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("http://localhost:3000", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var exposed = string.Join(',', response.Headers.GetValues("Access-Control-Expose-Headers"));
        Assert.Contains("request-id", exposed, StringComparison.Ordinal);
        Assert.Contains("retry-after", exposed, StringComparison.Ordinal);
        Assert.Contains("anthropic-ratelimit-requests-remaining", exposed, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Preflight(string path, string origin, string method)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", SdkHeaders);
        return request;
    }
}
