using System.Net;
using System.Text.Json;
using Gateway.Tests.Support;
using TestSupport;

namespace Gateway.Tests;

/// <summary>The model catalog: what /v1/models lists is exactly what /v1/messages accepts, capped per model.</summary>
public sealed class ModelsTests : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private ServiceProcess _gateway = null!;
    private HttpClient _client = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServer.StartAsync(cancellationToken: Cancellation);
        // The production catalog from appsettings.json, with unlisted models refused.
        _gateway = await GatewayProcess.StartMockAsync(_redis, new Dictionary<string, string?> { ["Models__AllowUnlisted"] = "false" });
        _client = GatewayProcess.Client(_gateway);
    }

    [Fact]
    public async Task Lists_the_catalog_in_anthropic_shape_newest_first()
    {
        var page = await GetJsonAsync("/v1/models");

        var models = page.GetProperty("data").EnumerateArray().ToList();
        Assert.Contains(models, model => model.GetProperty("id").GetString() == "claude-sonnet-4-5");
        Assert.All(models, model => Assert.Equal("model", model.GetProperty("type").GetString()));
        var created = models.Select(model => model.GetProperty("created_at").GetDateTimeOffset()).ToList();
        Assert.Equal(created.OrderByDescending(time => time), created);
        Assert.False(page.GetProperty("has_more").GetBoolean());
        Assert.Equal(models[0].GetProperty("id").GetString(), page.GetProperty("first_id").GetString());
    }

    [Fact]
    public async Task Pages_with_limit_and_after_id()
    {
        var all = (await GetJsonAsync("/v1/models")).GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();

        var first = await GetJsonAsync("/v1/models?limit=2");
        var next = await GetJsonAsync($"/v1/models?limit=2&after_id={first.GetProperty("last_id").GetString()}");
        var back = await GetJsonAsync($"/v1/models?limit=2&before_id={next.GetProperty("first_id").GetString()}");

        Assert.True(first.GetProperty("has_more").GetBoolean());
        Assert.Equal(all.Take(2), first.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal(all.Skip(2).Take(2), next.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal(all.Take(2), back.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Shows_one_model_by_id_or_alias_and_404s_an_unknown_one()
    {
        var byId = await GetJsonAsync("/v1/models/claude-haiku-4-5");
        using var unknown = await _client.GetAsync("/v1/models/claude-unknown-9", Cancellation);

        Assert.Equal("Claude Haiku 4.5", byId.GetProperty("display_name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("not_found_error", (await Requests.ReadErrorAsync(unknown)).Type);
    }

    [Fact]
    public async Task Messages_for_an_unlisted_model_are_404_not_found_as_anthropic_answers()
    {
        using var response = await Requests.SendAsync(_client, Requests.Body("gpt-4o"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(("not_found_error", "model: gpt-4o"), await Requests.ReadErrorAsync(response));
    }

    [Fact]
    public async Task Max_tokens_above_the_models_cap_is_400_naming_the_cap()
    {
        using var atCap = await Requests.SendAsync(_client, Requests.Body("claude-opus-4-1", maxTokens: 32000));
        using var aboveCap = await Requests.SendAsync(_client, Requests.Body("claude-opus-4-1", maxTokens: 32001));

        Assert.Equal(HttpStatusCode.OK, atCap.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, aboveCap.StatusCode);
        var (type, message) = await Requests.ReadErrorAsync(aboveCap);
        Assert.Equal("invalid_request_error", type);
        Assert.Contains("32001 > 32000", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Models_need_a_client_key_too()
    {
        using var keyless = GatewayProcess.Client(_gateway, clientKey: null);

        using var response = await keyless.GetAsync("/v1/models", Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await _client.GetAsync(path, Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await AdminApi.ReadJsonAsync(response);
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        await _redis.DisposeAsync();
    }
}
