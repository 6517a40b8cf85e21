using System.Net;
using System.Text;
using Gateway.Tests.Support;

namespace Gateway.Tests;

/// <summary>The exact-match cache: same request, same key scope, same answer, without asking the provider again.</summary>
public sealed class ResponseCacheTests(ForwardingFixture fixture) : IClassFixture<ForwardingFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Second_identical_request_is_a_hit_with_the_same_body_and_no_upstream_call()
    {
        var model = Model();
        var body = Requests.Body(model);

        var (first, firstBody) = await SendAsync(fixture.Client, body);
        var (second, secondBody) = await SendAsync(fixture.Client, body);

        Assert.Equal("miss", first.Headers.GetValues("x-gateway-cache").Single());
        Assert.Equal("hit", second.Headers.GetValues("x-gateway-cache").Single());
        Assert.True(second.Headers.Age.HasValue);
        Assert.Equal(firstBody, secondBody);
        Assert.Single(fixture.Upstream.RequestsFor(model));
    }

    [Fact]
    public async Task Member_order_and_whitespace_do_not_matter_but_content_and_betas_do()
    {
        var model = Model();
        var compact = $$"""{"model":"{{model}}","max_tokens":16,"messages":[{"role":"user","content":"hi"}]}""";
        var reordered = $$"""{ "messages": [ { "content": "hi", "role": "user" } ], "max_tokens": 16, "model": "{{model}}" }""";
        var otherText = $$"""{"model":"{{model}}","max_tokens":16,"messages":[{"role":"user","content":"hi!"}]}""";

        await SendAsync(fixture.Client, compact);
        var (same, _) = await SendAsync(fixture.Client, reordered);
        var (different, _) = await SendAsync(fixture.Client, otherText);
        var (beta, _) = await SendAsync(fixture.Client, compact, request => request.Headers.Add("anthropic-beta", "some-beta-2026-01-01"));

        Assert.Equal("hit", same.Headers.GetValues("x-gateway-cache").Single());
        Assert.Equal("miss", different.Headers.GetValues("x-gateway-cache").Single());
        Assert.Equal("miss", beta.Headers.GetValues("x-gateway-cache").Single());
        Assert.Equal(3, fixture.Upstream.RequestsFor(model).Count);
    }

    [Fact]
    public async Task No_store_bypasses_the_cache_and_no_cache_refreshes_it()
    {
        var model = Model();
        var body = Requests.Body(model);

        var (noStore, _) = await SendAsync(fixture.Client, body, request => request.Headers.CacheControl = new() { NoStore = true });
        var (stillMiss, _) = await SendAsync(fixture.Client, body, request => request.Headers.CacheControl = new() { NoCache = true });
        var (hit, _) = await SendAsync(fixture.Client, body);

        Assert.Equal("bypass", noStore.Headers.GetValues("x-gateway-cache").Single());
        Assert.Equal("bypass", stillMiss.Headers.GetValues("x-gateway-cache").Single());
        Assert.Equal("hit", hit.Headers.GetValues("x-gateway-cache").Single());
        Assert.Equal(2, fixture.Upstream.RequestsFor(model).Count);
    }

    [Fact]
    public async Task Cache_is_scoped_to_the_client_key()
    {
        var model = Model();
        var body = Requests.Body(model);
        var (_, otherKey) = await AdminApi.IssueKeyAsync(fixture.Gateway, "other-tenant");
        using var otherClient = GatewayProcess.Client(fixture.Gateway, otherKey);

        await SendAsync(fixture.Client, body);
        var (other, _) = await SendAsync(otherClient, body);

        Assert.Equal("miss", other.Headers.GetValues("x-gateway-cache").Single());
        Assert.Equal(2, fixture.Upstream.RequestsFor(model).Count);
    }

    [Fact]
    public async Task Errors_and_streams_are_never_cached()
    {
        var failing = $"429:{Guid.NewGuid():N}";
        await SendAsync(fixture.Client, Requests.Body(failing));
        var (again, _) = await SendAsync(fixture.Client, Requests.Body(failing));

        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.NotEqual("hit", again.Headers.TryGetValues("x-gateway-cache", out var values) ? values.Single() : null);
        Assert.True(fixture.Upstream.RequestsFor(failing).Count >= 2);
    }

    private static async Task<(HttpResponseMessage Response, string Body)> SendAsync(HttpClient client, string body, Action<HttpRequestMessage>? configure = null)
    {
        using var request = Requests.Post(body);
        configure?.Invoke(request);
        var response = await client.SendAsync(request, Cancellation);
        var text = await response.Content.ReadAsStringAsync(Cancellation);
        return (response, text);
    }

    private static string Model() => $"json:{Guid.NewGuid():N}";
}
