using Hosting;
using Hosting.Testing;
using Npgsql;
using Xunit;

namespace TestSupport;

/// <summary>
/// A real PostgreSQL, started by the orchestrator's engine (a local <c>postgres</c> process here, dropped to an
/// unprivileged user when run as root), shared by a test assembly; each test class takes a database of its own.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), "postgres-tests", Guid.NewGuid().ToString("N")[..12]);
    private DistributedApplication? _app;

    /// <summary>The server's connection string, on its maintenance database.</summary>
    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var builder = DistributedApplicationTestingBuilder.Create(new Dictionary<string, string?>
        {
            ["AppHost:StateDirectory"] = _stateDirectory,
            ["AppHost:ContainerRuntime"] = "none",
        });
        builder.AddPostgres("postgres");
        _app = builder.Build();
        await _app.StartWithinAsync(TimeSpan.FromMinutes(2));
        ConnectionString = _app.GetConnectionString("postgres");
    }

    /// <summary>Creates an empty database with a fresh name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var name = $"{prefix.ToLowerInvariant()}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)];
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_app is not null)
        {
            await _app.StopAsync();
        }

        if (Directory.Exists(_stateDirectory))
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
    }
}
