using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hosting.Testing;
using TestSupport;

namespace AppHost.Tests;

public class PersistenceTests
{
    private const string Email = "persistence@example.com";

    [Fact]
    public async Task Data_written_through_the_api_survives_an_apphost_restart_and_no_child_outlives_it()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var state = TestState.NewDirectory();
        try
        {
            string id;
            List<int> children;
            await using (var app = StackFixture.Build(state))
            {
                await app.StartWithinAsync(TimeSpan.FromMinutes(3), cancellationToken);
                using var client = new HttpClient { BaseAddress = app.GetEndpoint("api") };
                await ApiAccounts.SignInAsync(client, cancellationToken, Email);
                using var created = await client.PostAsJsonAsync("/api/projects", new { name = "Kept across restarts" }, cancellationToken);
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                id = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetString()!;
                children = [.. app.ResourceNotifications.Current.Where(s => s.ProcessId is not null).Select(s => s.ProcessId!.Value)];
                Assert.Equal(5, children.Count); // dashboard, postgres, cache, gateway, api
            }

            Assert.All(children, pid => Assert.False(TestState.IsRunning(pid), $"pid {pid} still runs after the AppHost stopped"));
            Assert.Contains("database system is shut down", await File.ReadAllTextAsync(Path.Combine(state, "logs", "postgres.log"), cancellationToken));

            await using (var again = StackFixture.Build(state))
            {
                await again.StartWithinAsync(TimeSpan.FromMinutes(3), cancellationToken);
                using var client = new HttpClient { BaseAddress = again.GetEndpoint("api") };
                await ApiAccounts.SignInAsync(client, cancellationToken, Email);
                var project = await client.GetFromJsonAsync<JsonElement>($"/api/projects/{id}", cancellationToken);
                Assert.Equal("Kept across restarts", project.GetProperty("name").GetString());
            }
        }
        finally
        {
            TestState.Remove(state);
        }
    }
}
