using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Api.Tests.Support;
using TestSupport;

namespace Api.Tests;

/// <summary>
/// User B, signed in, aims every project endpoint at user A's project and its files, messages and attachments:
/// each answer is a 404 (never a 403 that would confirm the id exists, never a 2xx), and A's data is unchanged.
/// </summary>
public sealed class CrossTenantMatrixTests(PostgresServer postgres, RedisFixture redis) : IAsyncLifetime
{
    private ApiFactory _api = null!;
    private SignedInUser _a = null!;
    private SignedInUser _b = null!;
    private Guid _project;
    private Guid _attachment;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // The gateway is a closed port: chat must refuse B on ownership before it would try to reach it.
        _api = await ApiFactory.StartAsync(postgres, redis, new Dictionary<string, string?> { ["Gateway:BaseUrl"] = $"http://127.0.0.1:{Ports.Closed()}" });
        _a = await _api.SignUpAsync("a");
        _b = await _api.SignUpAsync("b");
        _project = await ProjectCalls.CreateAsync(_a, "A's project");
        using var batch = await _a.Client.PostAsJsonAsync($"/api/projects/{_project}/files/batch",
            new { operations = new[] { new { op = "create", path = "secret.md", content = "quetzalcoatl" } } }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        _attachment = (await AttachmentCalls.UploadRawAsync(_a, _project, "a.bin", [1, 2, 3])).GetProperty("id").GetGuid();
    }

    public static TheoryData<string, string, string?> Requests => new()
    {
        { "GET", "/api/projects/{p}", null },
        { "PATCH", "/api/projects/{p}", """{"name":"taken"}""" },
        { "DELETE", "/api/projects/{p}", null },
        { "GET", "/api/projects/{p}/files", null },
        { "GET", "/api/projects/{p}/files/secret.md", null },
        { "POST", "/api/projects/{p}/files/batch", """{"operations":[{"op":"update","path":"secret.md","content":"x","expectedVersion":1}]}""" },
        { "POST", "/api/projects/{p}/files/batch", """{"operations":[{"op":"delete","path":"secret.md","expectedVersion":1}]}""" },
        { "GET", "/api/projects/{p}/messages", null },
        { "POST", "/api/projects/{p}/chat", """{"content":"hello"}""" },
        { "GET", "/api/projects/{p}/events", null },
        { "POST", "/api/projects/{p}/events/token", null },
        { "GET", "/api/projects/{p}/attachments", null },
        { "GET", "/api/projects/{p}/attachments/{a}", null },
        { "DELETE", "/api/projects/{p}/attachments/{a}", null },
        { "POST", "/api/projects/{p}/attachments?name=x.bin", "raw" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Another_users_request_is_a_404_and_changes_nothing(string method, string path, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{p}", _project.ToString()).Replace("{a}", _attachment.ToString()));
        if (body is not null)
        {
            request.Content = body == "raw" ? new ByteArrayContent([9, 9, 9]) : new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await _b.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertAsStillOwnsEverythingAsync();
    }

    [Fact]
    public async Task Another_users_search_finds_nothing_of_theirs()
    {
        var hits = await _b.Client.GetFromJsonAsync<JsonElement>("/api/search?q=quetzalcoatl", Cancellation);
        var own = await _a.Client.GetFromJsonAsync<JsonElement>("/api/search?q=quetzalcoatl", Cancellation);

        Assert.Empty(hits.GetProperty("items").EnumerateArray());
        Assert.Single(own.GetProperty("items").EnumerateArray());
    }

    private async Task AssertAsStillOwnsEverythingAsync()
    {
        var project = await _a.Client.GetFromJsonAsync<JsonElement>($"/api/projects/{_project}", Cancellation);
        var file = await _a.Client.GetFromJsonAsync<JsonElement>($"/api/projects/{_project}/files/secret.md", Cancellation);
        var attachments = await _a.Client.GetFromJsonAsync<JsonElement>($"/api/projects/{_project}/attachments", Cancellation);
        var messages = await _a.Client.GetFromJsonAsync<JsonElement>($"/api/projects/{_project}/messages", Cancellation);

        Assert.Equal("A's project", project.GetProperty("name").GetString());
        Assert.Equal(("quetzalcoatl", 1), (file.GetProperty("content").GetString(), file.GetProperty("version").GetInt32()));
        Assert.Equal([_attachment], attachments.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()));
        Assert.Empty(messages.GetProperty("items").EnumerateArray());
    }

    public async ValueTask DisposeAsync()
    {
        _a.Dispose();
        _b.Dispose();
        await _api.DisposeAsync();
    }
}
