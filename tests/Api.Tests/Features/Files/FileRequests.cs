using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Api.Tests.Support;
using Npgsql;

namespace Api.Tests.Features.Files;

/// <summary>How the file tests talk to the Api, and how they read the table behind it.</summary>
internal static class FileRequests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static object Create(string path, string content) => new { op = "create", path, content };

    public static object Update(string path, string content, long expectedVersion) => new { op = "update", path, content, expectedVersion };

    public static object Delete(string path, long expectedVersion) => new { op = "delete", path, expectedVersion };

    public static async Task<Guid> CreateProjectAsync(this HttpClient client, string name = "files")
    {
        using var response = await client.PostAsJsonAsync("/api/projects", new { name }, Cancellation);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> BatchAsync(this HttpClient client, Guid projectId, params object[] operations) =>
        client.PostAsJsonAsync($"/api/projects/{projectId}/files/batch", new { operations }, Cancellation);

    public static async Task<HttpResponseMessage> BatchJsonAsync(this HttpClient client, Guid projectId, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await client.PostAsync($"/api/projects/{projectId}/files/batch", content, Cancellation);
    }

    /// <summary>Applies a batch that must succeed and returns its result.</summary>
    public static async Task<JsonElement> AppliedAsync(this HttpClient client, Guid projectId, params object[] operations)
    {
        using var response = await client.BatchAsync(projectId, operations);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("files");
    }

    /// <summary>The response is a ProblemDetails with <paramref name="status"/>; returns its body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>Every file of a project straight from the table, as "path@version:content", sorted: what "nothing changed" compares.</summary>
    public static async Task<List<string>> SnapshotAsync(string connectionString, Guid projectId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand(
            "SELECT path || '@' || version || ':' || content FROM project_files WHERE project_id = @p ORDER BY path", connection);
        command.Parameters.AddWithValue("p", projectId);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Cancellation);
        while (await reader.ReadAsync(Cancellation))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    public static async Task SetTierAsync(string connectionString, Guid userId, string tier)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand("UPDATE users SET tier = @tier WHERE id = @id", connection);
        command.Parameters.AddWithValue("tier", tier);
        command.Parameters.AddWithValue("id", userId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync(Cancellation));
    }
}
