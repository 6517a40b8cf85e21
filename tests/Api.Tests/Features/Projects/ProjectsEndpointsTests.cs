using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Api.Data;
using Api.Features.Projects;
using Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Features.Projects;

// Requests that never reach the database; the round trip through PostgreSQL is a whole-stack test.
public sealed class ProjectsEndpointsTests : IAsyncLifetime
{
    private TestWebApp _api = null!;

    public async ValueTask InitializeAsync() =>
        _api = await TestWebApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:appdb"] = $"Host=127.0.0.1;Port={Ports.Closed()};Database=appdb;Username=postgres",
            },
            builder =>
            {
                builder.Services.AddSingleton(TimeProvider.System);
                builder.Services.AddProblemDetails();
                builder.AddDatabase();
            },
            app => app.MapProjectsEndpoints());

    [Theory]
    [InlineData("""{"name":"   "}""")]
    [InlineData("""{"name":null}""")]
    [InlineData("{}")]
    public async Task Creating_a_project_without_a_name_is_a_validation_problem_on_name(string body)
    {
        var problem = await PostAsync(body);

        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Creating_a_project_with_a_201_character_name_is_a_validation_problem_on_name()
    {
        var problem = await PostAsync(JsonSerializer.Serialize(new { name = new string('x', 201) }));

        Assert.Equal("A project name has at most 200 characters.", problem.GetProperty("errors").GetProperty("name")[0].GetString());
    }

    private async Task<JsonElement> PostAsync(string json)
    {
        using var client = _api.CreateClient();
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/projects", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();
}
