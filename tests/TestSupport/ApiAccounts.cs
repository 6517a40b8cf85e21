using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace TestSupport;

/// <summary>Signs a client in to the Api the way a user does: register (409 if the account exists), then log in.</summary>
public static class ApiAccounts
{
    public const string Password = "Correct-Horse-42-battery";

    /// <summary>Registers <paramref name="email"/> (a fresh one when null) if needed, logs in and sets the client's bearer token.</summary>
    public static async Task SignInAsync(HttpClient client, CancellationToken cancellationToken, string? email = null)
    {
        var account = new { email = email ?? $"user-{Guid.NewGuid():N}@example.com", password = Password };
        using (var registered = await client.PostAsJsonAsync("/api/accounts/register", account, cancellationToken))
        {
            if (!registered.IsSuccessStatusCode && registered.StatusCode != System.Net.HttpStatusCode.Conflict)
            {
                throw new InvalidOperationException($"register answered {(int)registered.StatusCode}: {await registered.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }

        using var login = await client.PostAsJsonAsync("/api/accounts/login", account, cancellationToken);
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}
