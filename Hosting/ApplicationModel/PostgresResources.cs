namespace Hosting;

/// <summary>A PostgreSQL server: a container when a container engine answers, else a local process.</summary>
public sealed class PostgresServerResource(string name) : ProcessResource(name), IResourceWithConnectionString
{
    /// <summary>The port on 127.0.0.1; 0 picks a free one at start.</summary>
    public int Port { get; set; }

    /// <summary>Whether data outlives the application (a named volume, or a data directory in the state directory).</summary>
    public bool PersistData { get; set; }

    /// <summary>The databases created once the server is ready.</summary>
    public List<PostgresDatabaseResource> Databases { get; } = [];

    /// <summary>The superuser the services connect as.</summary>
    public string UserName { get; } = "postgres";

    /// <summary>The container image used in container mode.</summary>
    public string Image { get; set; } = "docker.io/library/postgres:17";

    Resource IResourceWithConnectionString.Server => this;

    /// <inheritdoc />
    public override string Kind => "postgres";
}

/// <summary>A database on a <see cref="PostgresServerResource"/>, created when the server is first ready.</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource server)
    : Resource(name), IResourceWithConnectionString
{
    /// <summary>The database's name on the server.</summary>
    public string DatabaseName { get; } = databaseName;

    /// <summary>The server that holds it.</summary>
    public PostgresServerResource Parent { get; } = server;

    Resource IResourceWithConnectionString.Server => Parent;

    /// <inheritdoc />
    public override string Kind => "database";
}
