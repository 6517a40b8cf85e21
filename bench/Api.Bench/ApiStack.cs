using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TestSupport;

namespace Api.Bench;

/// <summary>
/// A real PostgreSQL and Redis (started through the Hosting library, as the tests start them) and the Release
/// build of the Api as its own process, Production, logging warnings only.
/// </summary>
internal sealed class ApiStack : IAsyncDisposable
{
    private readonly PostgresServer _postgres = new();
    private RedisServer? _redis;

    public ServiceProcess Api { get; private set; } = null!;

    public static async Task<ApiStack> StartAsync(CancellationToken cancellationToken)
    {
        var stack = new ApiStack();
        try
        {
            await stack._postgres.InitializeAsync();
            stack._redis = await RedisServer.StartAsync(cancellationToken: cancellationToken);
            stack.Api = await ServiceProcess.StartAsync(new Projects.Api(), new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__appdb"] = await stack._postgres.CreateDatabaseAsync("bench", cancellationToken),
                ["ConnectionStrings__cache"] = stack._redis.ConnectionString,
                ["Logging__LogLevel__Default"] = "Warning",
            }, cancellationToken: cancellationToken);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    /// <summary>A new account, signed in: a client that sends its session token, sized for <paramref name="connections"/> requests at once.</summary>
    public async Task<HttpClient> SignUpAsync(int connections, CancellationToken cancellationToken)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections })
        {
            BaseAddress = Api.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var credentials = new { email = $"bench-{Guid.NewGuid():N}@example.com", password = "Bench-password-42-long" };
        (await client.PostAsJsonAsync("/api/accounts/register", credentials, cancellationToken)).EnsureSuccessStatusCode();
        using var login = await client.PostAsJsonAsync("/api/accounts/login", credentials, cancellationToken);
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        await _postgres.DisposeAsync();
    }
}
