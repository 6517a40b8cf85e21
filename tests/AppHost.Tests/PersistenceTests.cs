using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AppHost.Tests;

public class PersistenceTests
{
    private static readonly object Account = new { email = "persistence@example.com", password = "Kept-across-restarts-42" };

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
                await app.StartAsync(cancellationToken).WaitAsync(TimeSpan.FromMinutes(3), cancellationToken);
                using var client = new HttpClient { BaseAddress = app.GetEndpoint("api") };
                using (var registered = await client.PostAsJsonAsync("/api/accounts/register", Account, cancellationToken))
                {
                    Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
                }

                await LogInAsync(client, cancellationToken);
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
                await again.StartAsync(cancellationToken).WaitAsync(TimeSpan.FromMinutes(3), cancellationToken);
                using var client = new HttpClient { BaseAddress = again.GetEndpoint("api") };
                await LogInAsync(client, cancellationToken);
                var project = await client.GetFromJsonAsync<JsonElement>($"/api/projects/{id}", cancellationToken);
                Assert.Equal("Kept across restarts", project.GetProperty("name").GetString());
            }
        }
        finally
        {
            TestState.Remove(state);
        }
    }

    private static async Task LogInAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var login = await client.PostAsJsonAsync("/api/accounts/login", Account, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
    }
}
