using Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using TestSupport;

namespace Api.Tests.Data;

/// <summary>
/// The migrations are written by hand, so the proof that they build what the model describes is a comparison
/// of two real schemas: one migrated, one created straight from the model.
/// </summary>
public sealed class MigrationsTests(PostgresServer postgres)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Applying_every_migration_builds_the_schema_the_model_describes()
    {
        await using var migrated = await ContextAsync("migrated");
        await using var created = await ContextAsync("created");

        await migrated.Database.MigrateAsync(Cancellation);
        await created.Database.ExecuteSqlRawAsync(created.Database.GenerateCreateScript(), Cancellation);

        Assert.Equal(await SchemaAsync(created), await SchemaAsync(migrated));
    }

    [Fact]
    public async Task Migrating_down_to_nothing_removes_every_table_the_migrations_made()
    {
        await using var db = await ContextAsync("down");
        await db.Database.MigrateAsync(Cancellation);

        await db.GetService<IMigrator>().MigrateAsync(Migration.InitialDatabase, cancellationToken: Cancellation);

        Assert.Empty(await SchemaAsync(db));
    }

    [Fact]
    public async Task Migrating_twice_does_nothing_the_second_time()
    {
        await using var db = await ContextAsync("twice");
        await db.Database.MigrateAsync(Cancellation);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Cancellation));
        await db.Database.MigrateAsync(Cancellation);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Cancellation));
    }

    private async Task<AppDbContext> ContextAsync(string name) =>
        new(new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql(await postgres.CreateDatabaseAsync($"migrations_{name}", Cancellation))
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .Options);

    // Columns, indexes and constraints of the public schema (but EF Core's history table), one sorted line each.
    private static async Task<List<string>> SchemaAsync(AppDbContext db)
    {
        const string sql = """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || coalesce(character_maximum_length::text, '-')
                   || ' ' || is_nullable || ' ' || coalesce(column_default, '-')
            FROM information_schema.columns WHERE table_schema = 'public'
            UNION ALL
            SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
            UNION ALL
            SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace
            """;
        var lines = new List<string>();
        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Cancellation);
        while (await reader.ReadAsync(Cancellation))
        {
            lines.Add(reader.GetString(0));
        }

        return [.. lines.Where(l => !l.Contains("__EFMigrationsHistory", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    }
}
