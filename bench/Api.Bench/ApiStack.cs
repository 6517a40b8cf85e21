using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TestSupport;

namespace Api.Bench;

/// <summary>
/// A real PostgreSQL and Redis (the ones the tests start, through the orchestrator's engine) and the Api's
/// Release build as its own process (Production, logging at Warning), with one signed-in user.
/// </summary>
internal sealed class ApiStack : IAsyncDisposable
{
    private readonly PostgresServer _postgres = new();
    private RedisServer? _redis;
    private ServiceProcess? _api;

    public string DatabaseConnectionString { get; private set; } = "";

    public HttpClient Client { get; private set; } = null!;

    public ServiceProcess Api => _api!;

    public static async Task<ApiStack> StartAsync(CancellationToken cancellationToken)
    {
        var stack = new ApiStack();
        try
        {
            await stack._postgres.InitializeAsync();
            stack.DatabaseConnectionString = await stack._postgres.CreateDatabaseAsync("bench", cancellationToken);
            stack._redis = await RedisServer.StartAsync(cancellationToken: cancellationToken);
            stack._api = await ServiceProcess.StartAsync(new Projects.Api(), new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__appdb"] = stack.DatabaseConnectionString,
                ["ConnectionStrings__cache"] = stack._redis.ConnectionString,
                ["Logging__LogLevel__Default"] = "Warning",
            }, cancellationToken: cancellationToken);
            stack.Client = await stack.SignUpAsync(connections: 8, cancellationToken);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    public async Task<Guid> CreateProjectAsync(string name, CancellationToken cancellationToken)
    {
        using var response = await Client.PostAsJsonAsync("/api/projects", new { name }, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
    }

    /// <summary>A new account, signed in: a client that sends its session token, sized for <paramref name="connections"/> requests at once.</summary>
    public async Task<HttpClient> SignUpAsync(int connections, CancellationToken cancellationToken)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections })
        {
            BaseAddress = Api.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var credentials = new { email = $"bench-{Guid.NewGuid():N}@example.com", password = "Bench-password-42-horse" };
        (await client.PostAsJsonAsync("/api/accounts/register", credentials, cancellationToken)).EnsureSuccessStatusCode();
        using var login = await client.PostAsJsonAsync("/api/accounts/login", credentials, cancellationToken);
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        await _postgres.DisposeAsync();
    }
}
