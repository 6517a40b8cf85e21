namespace Api.Data;

internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "Applying database migrations to {Database}")]
    public static partial void ApplyingMigrations(ILogger logger, string database);

    [LoggerMessage(1001, LogLevel.Information, "Database schema is up to date at {Migration}")]
    public static partial void SchemaUpToDate(ILogger logger, string? migration);

    [LoggerMessage(1002, LogLevel.Critical, "Could not apply database migrations to {Database}; exiting so the orchestrator can restart the Api")]
    public static partial void MigrationFailed(ILogger logger, string database, Exception exception);

    [LoggerMessage(1003, LogLevel.Critical, "Configuration is invalid; the Api will not start: {Failures}")]
    public static partial void ConfigurationInvalid(ILogger logger, string failures);
}
