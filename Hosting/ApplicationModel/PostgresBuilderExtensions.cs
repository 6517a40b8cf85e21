namespace Hosting;

/// <summary>Adds PostgreSQL servers and databases.</summary>
public static class PostgresBuilderExtensions
{
    /// <summary>Adds a PostgreSQL server, password-protected, listening on 127.0.0.1.</summary>
    public static IResourceBuilder<PostgresServerResource> AddPostgres(this DistributedApplicationBuilder builder, string name, int? port = null)
        => builder.AddResource(new PostgresServerResource(name) { Port = port ?? 0 });

    /// <summary>Keeps the server's data between runs of the application.</summary>
    public static IResourceBuilder<PostgresServerResource> WithDataVolume(this IResourceBuilder<PostgresServerResource> builder)
    {
        builder.Resource.PersistData = true;
        return builder;
    }

    /// <summary>Adds a database, created once the server is ready; its connection string is <c>ConnectionStrings__{name}</c>.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<PostgresServerResource> builder, string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, builder.Resource);
        builder.Resource.Databases.Add(database);
        return builder.ApplicationBuilder.AddResource(database);
    }
}
