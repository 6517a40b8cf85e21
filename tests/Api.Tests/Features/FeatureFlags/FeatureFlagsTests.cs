using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Api.Features.FeatureFlags;
using Api.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using TestSupport;

namespace Api.Tests.Features.FeatureFlags;

public sealed class FeatureFlagsTests(PostgresServer postgres, RedisFixture redis)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_feature_is_listed_on_by_default_to_anyone()
    {
        await using var api = await ApiFactory.StartAsync(postgres, redis);
        using var anonymous = api.CreateHttpClient();

        var features = await anonymous.GetFromJsonAsync<JsonElement>("/api/features", Cancellation);

        Assert.Equal("""{"chat":true,"search":true,"realtime":true,"attachments":true}""", features.GetRawText());
    }

    [Fact]
    public async Task Switched_off_features_are_listed_off_and_their_endpoints_answer_feature_disabled()
    {
        await using var api = await ApiFactory.StartAsync(postgres, redis, new Dictionary<string, string?>
        {
            ["Features:Realtime"] = "false",
            ["Features:Attachments"] = "false",
        });
        using var user = await api.SignUpAsync();
        var project = await ProjectCalls.CreateAsync(user, "p");

        var features = await user.Client.GetFromJsonAsync<JsonElement>("/api/features", Cancellation);
        using var events = await user.Client.GetAsync($"/api/projects/{project}/events", HttpCompletionOption.ResponseHeadersRead, Cancellation);
        using var attachments = await user.Client.GetAsync($"/api/projects/{project}/attachments", Cancellation);

        Assert.False(features.GetProperty("realtime").GetBoolean());
        Assert.True(features.GetProperty("chat").GetBoolean());
        foreach (var response in new[] { events, attachments })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
            Assert.Equal("Feature disabled", problem.GetProperty("title").GetString());
        }
    }

    [Theory]
    [InlineData("false", HttpStatusCode.NotFound)]
    [InlineData("true", HttpStatusCode.OK)]
    public async Task RequireFeature_is_a_one_line_switch_for_any_endpoint(string chat, HttpStatusCode expected)
    {
        await using var app = await TestWebApp.StartAsync(
            new Dictionary<string, string?> { ["Features:Chat"] = chat },
            builder => builder.AddFeatureFlags(),
            web => web.MapGet("/chat", () => "hello").RequireFeature(ApiFeature.Chat));
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/chat", Cancellation);

        Assert.Equal(expected, response.StatusCode);
    }
}
