using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Api.Data;

public static class DatabaseMigrationExtensions
{
    /// <summary>
    /// Brings the schema up to date before the Api serves. Safe on every start and from several
    /// replicas at once: EF Core takes a migration lock and skips what is already applied.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrationExtensions));

        // A missing key is the cause of whatever the database would fail with next: say so first.
        if (InvalidConfiguration(app.Services) is { } failures)
        {
            Log.ConfigurationInvalid(logger, failures);
            await ExitAsync(app);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var database = Describe(db.Database.GetConnectionString());
        try
        {
            Log.ApplyingMigrations(logger, database);
            await db.Database.MigrateAsync(app.Lifetime.ApplicationStopping);
            Log.SchemaUpToDate(logger, db.Database.GetMigrations().LastOrDefault());
        }
        catch (Exception exception)
        {
            Log.MigrationFailed(logger, database, exception);
            await ExitAsync(app);
        }
    }

    private static string? InvalidConfiguration(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return null;
        }
        catch (OptionsValidationException exception)
        {
            return exception.Message;
        }
        catch (AggregateException exception)
        {
            return string.Join("; ", exception.InnerExceptions.Select(e => e.Message));
        }
    }

    // Exit rather than throw: an unhandled exception aborts the process before the console
    // logger's queue is flushed, losing the very line that says why the Api stopped.
    private static async Task ExitAsync(WebApplication app)
    {
        await app.DisposeAsync();
        Environment.Exit(1);
    }

    // Host, port and database only: the connection string itself carries the password.
    private static string Describe(string? connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }
}
