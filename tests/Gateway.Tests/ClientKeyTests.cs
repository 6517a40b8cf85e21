using System.Net;
using System.Net.Http.Json;
using Gateway.Tests.Support;
using StackExchange.Redis;
using TestSupport;

namespace Gateway.Tests;

/// <summary>Client keys: issued, listed and revoked by the admin, stored only as hashes, checked on every request.</summary>
public sealed class ClientKeyTests(MockGatewayFixture fixture) : IClassFixture<MockGatewayFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Issued_key_works_until_revoked_and_then_is_refused_as_Anthropic_refuses_a_bad_key()
    {
        var (id, key) = await AdminApi.IssueKeyAsync(fixture.Gateway, "revocable");
        using var client = GatewayProcess.Client(fixture.Gateway, key);
        using (var before = await Requests.SendAsync(client, Requests.Body("m")))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var admin = AdminApi.Client(fixture.Gateway);
        using var revoked = await admin.DeleteAsync($"/admin/keys/{id}", Cancellation);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.True((await AdminApi.ReadJsonAsync(revoked)).TryGetProperty("revoked_at", out var at) && at.ValueKind == System.Text.Json.JsonValueKind.String);

        using var after = await Requests.SendAsync(client, Requests.Body("m"));
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        var (type, message) = await Requests.ReadErrorAsync(after);
        Assert.Equal("authentication_error", type);
        Assert.Equal("invalid x-api-key", message);
    }

    [Fact]
    public async Task Key_is_shown_once_and_listed_only_by_id_name_and_hint()
    {
        var (id, key) = await AdminApi.IssueKeyAsync(fixture.Gateway, "listed-key", requestsPerMinute: 7);
        Assert.StartsWith("sk-gw-", key, StringComparison.Ordinal);

        using var admin = AdminApi.Client(fixture.Gateway);
        var list = await admin.GetStringAsync("/admin/keys", Cancellation);
        var shown = await admin.GetStringAsync($"/admin/keys/{id}", Cancellation);

        Assert.Contains(id, list, StringComparison.Ordinal);
        Assert.Contains("\"requests_per_minute\":7", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);
        Assert.DoesNotContain(key, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(key[10..], list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redis_holds_the_hash_of_a_key_never_the_key()
    {
        var (id, key) = await AdminApi.IssueKeyAsync(fixture.Gateway, "hashed");
        using var redis = await ConnectionMultiplexer.ConnectAsync(fixture.Redis.ConnectionString);
        var server = redis.GetServer(redis.GetEndPoints().Single());
        var everything = new List<string>();
        foreach (var redisKey in server.Keys(pattern: "gw:*"))
        {
            everything.Add(redisKey!);
            var type = await redis.GetDatabase().KeyTypeAsync(redisKey);
            if (type == RedisType.Hash)
            {
                everything.AddRange((await redis.GetDatabase().HashGetAllAsync(redisKey)).Select(entry => $"{entry.Name}={entry.Value}"));
            }
        }

        Assert.Contains(everything, entry => entry.Contains(id, StringComparison.Ordinal));
        Assert.Contains(everything, entry => entry.Contains(System.Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key))), StringComparison.Ordinal));
        Assert.DoesNotContain(everything, entry => entry.Contains(key, StringComparison.Ordinal) || entry.Contains(key[10..], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "x-api-key header is required")]
    [InlineData("sk-gw-not-a-key-the-gateway-ever-issued", "invalid x-api-key")]
    [InlineData(GatewayProcess.ApiKey, "invalid x-api-key")]
    public async Task Requests_without_a_known_client_key_are_401(string? key, string expected)
    {
        using var client = GatewayProcess.Client(fixture.Gateway, key);

        using var response = await Requests.SendAsync(client, Requests.Body("m"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(("authentication_error", expected), await Requests.ReadErrorAsync(response));
    }

    [Fact]
    public async Task Bearer_token_is_accepted_like_x_api_key()
    {
        using var client = GatewayProcess.Client(fixture.Gateway, clientKey: null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", GatewayProcess.ClientKey);

        using var response = await Requests.SendAsync(client, Requests.Body("m"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-admin-key-0123456789abcdef0123456789", HttpStatusCode.Unauthorized)]
    [InlineData(GatewayProcess.ClientKey, HttpStatusCode.Unauthorized)]
    public async Task Admin_endpoints_need_the_admin_key(string? key, HttpStatusCode expected)
    {
        using var client = GatewayProcess.Client(fixture.Gateway, key);

        using var list = await client.GetAsync("/admin/keys", Cancellation);
        using var issue = await client.PostAsJsonAsync("/admin/keys", new { name = "x" }, Cancellation);

        Assert.Equal(expected, list.StatusCode);
        Assert.Equal(expected, issue.StatusCode);
    }

    [Theory]
    [InlineData("""{"name":""}""", "name")]
    [InlineData("""{"name":"a b"}""", "name")]
    [InlineData("""{"name":"ok","requests_per_minute":0}""", "requests_per_minute")]
    [InlineData("""{"name":"ok","monthly_budget_usd":-1}""", "monthly_budget_usd")]
    [InlineData("""{"name":"ok","requests_per_minute":"many"}""", "")]
    [InlineData("""not json""", "")]
    public async Task Bad_issue_requests_are_400_naming_the_field(string body, string field)
    {
        using var admin = AdminApi.Client(fixture.Gateway);

        using var response = await admin.PostAsync("/admin/keys", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (type, message) = await Requests.ReadErrorAsync(response);
        Assert.Equal("invalid_request_error", type);
        Assert.Contains(field, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_keys_are_listed_but_cannot_be_revoked_through_the_api()
    {
        using var admin = AdminApi.Client(fixture.Gateway);
        var list = await AdminApi.ReadJsonAsync(await admin.GetAsync("/admin/keys", Cancellation));
        var preset = list.GetProperty("data").EnumerateArray().Single(key => key.GetProperty("name").GetString() == "tests");
        Assert.Equal("configuration", preset.GetProperty("source").GetString());

        using var response = await admin.DeleteAsync($"/admin/keys/{preset.GetProperty("id").GetString()}", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Without_an_admin_key_configured_the_admin_surface_does_not_exist()
    {
        await using var redis = await RedisServer.StartAsync(cancellationToken: Cancellation);
        await using var gateway = await GatewayProcess.StartMockAsync(redis, new Dictionary<string, string?> { ["Admin__ApiKey"] = null });
        using var client = AdminApi.Client(gateway);

        using var response = await client.GetAsync("/admin/keys", Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
