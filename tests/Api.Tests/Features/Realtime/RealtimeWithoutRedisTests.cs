using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Api.Tests.Support;
using TestSupport;

namespace Api.Tests.Features.Realtime;

/// <summary>Events are best effort: with Redis unreachable, changes still succeed and streams say why they cannot open.</summary>
public sealed class RealtimeWithoutRedisTests(PostgresServer postgres, RedisFixture redis) : IAsyncLifetime
{
    private ApiFactory _api = null!;

    public async ValueTask InitializeAsync() =>
        _api = await ApiFactory.StartAsync(postgres, redis, new Dictionary<string, string?>
        {
            ["ConnectionStrings:cache"] = $"127.0.0.1:{Ports.Closed()},connectTimeout=500",
        });

    [Fact]
    public async Task A_rename_succeeds_and_a_stream_answers_503_ProblemDetails()
    {
        using var user = await _api.SignUpAsync();
        var project = await ProjectCalls.CreateAsync(user, "Offline");

        await ProjectCalls.RenameAsync(user, project, "Still renamed");
        await using var stream = await EventStreamClient.OpenAsync(user.Client, $"/api/projects/{project}/events");
        var read = await user.Client.GetFromJsonAsync<JsonElement>($"/api/projects/{project}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, stream.StatusCode);
        Assert.Equal("application/problem+json", stream.ContentType);
        Assert.Equal("Still renamed", read.GetProperty("name").GetString());
    }

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();
}
