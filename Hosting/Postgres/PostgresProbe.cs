using Npgsql;

namespace Hosting.Postgres;

/// <summary>Readiness of a PostgreSQL server and creation of its databases, over TCP with the generated password.</summary>
internal static class PostgresProbe
{
    public static async Task<bool> CanQueryAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(WithoutPooling(connectionString));
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public static async Task EnsureDatabasesAsync(
        string serverConnectionString, IEnumerable<PostgresDatabaseResource> databases, CancellationToken cancellationToken)
    {
        foreach (var database in databases)
        {
            await EnsureDatabaseAsync(serverConnectionString, database.DatabaseName, cancellationToken);
        }
    }

    private static async Task EnsureDatabaseAsync(string serverConnectionString, string databaseName, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(WithoutPooling(serverConnectionString));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = databaseName });
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            // Identifiers cannot be parameters; the name is quoted with embedded quotes doubled.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string WithoutPooling(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 3, CommandTimeout = 10 }.ConnectionString;
}
