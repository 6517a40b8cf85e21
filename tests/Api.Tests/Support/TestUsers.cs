using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Api.Tests.Support;

/// <summary>Registers and logs in users through the Api itself, as a client would.</summary>
internal static class TestUsers
{
    public const string Password = "Correct-Horse-42-battery";

    public static string NewEmail(string name = "user") => $"{name}-{Guid.NewGuid():N}@example.com";

    /// <summary>A new account, logged in: a client that sends its session token.</summary>
    public static async Task<SignedInUser> SignUpAsync(this ApiFactory api, string name = "user")
    {
        var email = NewEmail(name);
        using var anonymous = api.CreateHttpClient();
        var cancellation = TestContext.Current.CancellationToken;
        using (var registered = await anonymous.PostAsJsonAsync("/api/accounts/register", new { email, password = Password }, cancellation))
        {
            await EnsureAsync(registered, "register");
        }

        using var login = await anonymous.PostAsJsonAsync("/api/accounts/login", new { email, password = Password }, cancellation);
        await EnsureAsync(login, "login");
        var body = await login.Content.ReadFromJsonAsync<JsonElement>(cancellation);
        var client = api.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("token").GetString());
        return new SignedInUser(Guid.Parse(body.GetProperty("account").GetProperty("id").GetString()!), email, client);
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string step)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{step} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}

internal sealed record SignedInUser(Guid Id, string Email, HttpClient Client) : IDisposable
{
    public void Dispose() => Client.Dispose();
}
