using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Api.Tests.Support;

/// <summary>Projects and messages for conversation tests: projects through the Api, messages straight into the table.</summary>
internal static class Conversations
{
    public static async Task<Guid> CreateProjectAsync(SignedInUser user, string name = "Chat")
    {
        using var response = await user.Client.PostAsJsonAsync("/api/projects", new { name }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
    }

    /// <summary>Inserts <paramref name="count"/> messages with v7 ids at <paramref name="at"/> + i ms, oldest first; returns their ids.</summary>
    public static async Task<List<Guid>> InsertAsync(string connectionString, Guid projectId, int count, DateTimeOffset at)
    {
        var ids = new List<Guid>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        for (var i = 0; i < count; i++)
        {
            var createdAt = at.AddMilliseconds(i);
            var id = Guid.CreateVersion7(createdAt);
            await using var command = new NpgsqlCommand(
                "INSERT INTO messages (id, project_id, role, content, created_at) VALUES ($1, $2, $3, $4, $5)", connection)
            {
                Parameters = { new() { Value = id }, new() { Value = projectId }, new() { Value = i % 2 == 0 ? "user" : "assistant" }, new() { Value = $"message {i}" }, new() { Value = createdAt } },
            };
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            ids.Add(id);
        }

        return ids;
    }

    public static async Task<List<JsonElement>> AllMessagesAsync(SignedInUser user, Guid projectId)
    {
        var page = await user.Client.GetFromJsonAsync<JsonElement>($"/api/projects/{projectId}/messages?limit=200", TestContext.Current.CancellationToken);
        return [.. page.GetProperty("items").EnumerateArray()];
    }
}
