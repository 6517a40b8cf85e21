using System.Net;
using System.Text.Json;
using Api.Tests.Support;
using TestSupport;

namespace Api.Tests.Features.OpenApi;

public sealed class OpenApiDocumentTests(PostgresServer postgres, RedisFixture redis)
{
    [Fact]
    public async Task The_document_is_openapi_3_and_lists_the_apis_endpoints_with_the_bearer_scheme()
    {
        await using var api = await ApiFactory.StartAsync(postgres, redis);
        using var anonymous = api.CreateHttpClient();

        using var response = await anonymous.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = document.RootElement;
        var paths = root.GetProperty("paths");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        foreach (var path in new[]
        {
            "/api/accounts/register", "/api/accounts/login", "/api/accounts/me", "/api/projects", "/api/projects/{id}",
            "/api/features", "/api/projects/{projectId}/events", "/api/projects/{projectId}/events/token",
            "/api/projects/{projectId}/attachments", "/api/projects/{projectId}/attachments/{id}",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the document");
        }

        var bearer = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        Assert.True(paths.GetProperty("/api/projects").GetProperty("get").TryGetProperty("security", out _));
        Assert.False(paths.GetProperty("/api/features").GetProperty("get").TryGetProperty("security", out _));
    }
}
