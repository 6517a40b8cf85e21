using System.Text.Json.Serialization;
using Api.Data;
using Npgsql;

namespace Api.Features.Diagnostics;

/// <summary>
/// What the orchestrator handed the Api, reduced to what identifies a resource: never a
/// password, and never a raw connection string, which is where passwords live.
/// </summary>
public sealed record WiringReport(
    ConnectionStringsWiring ConnectionStrings,
    ServicesWiring Services,
    string? OtlpEndpoint,
    string? ServiceName)
{
    public static WiringReport From(IConfiguration configuration) => new(
        new ConnectionStringsWiring(
            Database(configuration.GetConnectionString("appdb")),
            Cache(configuration.GetConnectionString("cache"))),
        new ServicesWiring(WithoutUserInfo(configuration["services:gateway:https:0"] ?? configuration["services:gateway:http:0"])),
        WithoutUserInfo(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]),
        configuration["OTEL_SERVICE_NAME"]);

    private static DatabaseWiring? Database(string? connectionString)
    {
        if (!DatabaseOptions.IsValidConnectionString(connectionString))
        {
            return null;
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return new DatabaseWiring(builder.Host, builder.Port, builder.Database, builder.Username);
    }

    private static CacheWiring? Cache(string? connectionString) =>
        connectionString is null ? null : new CacheWiring(RedisClient.RedisConnectionString.Endpoints(connectionString));

    // A URL may carry credentials as user:password@host.
    private static string? WithoutUserInfo(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri.ToString()
            : url;
}

public sealed record ConnectionStringsWiring(
    [property: JsonPropertyName("appdb")] DatabaseWiring? AppDb,
    [property: JsonPropertyName("cache")] CacheWiring? Cache);

public sealed record DatabaseWiring(string? Host, int Port, string? Database, string? Username);

public sealed record CacheWiring(IReadOnlyList<string> Endpoints);

public sealed record ServicesWiring(string? Gateway);
